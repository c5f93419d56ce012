"""The desktop GUI (PySide6) over the store's WorkbookService.

- main_window + window/: the window shell and its jobs (menus, files, navigation, edit_actions)
- pages/: one module per page; pages/registry.py is the one list of pages the window shows
- grid/: the spreadsheet engine (columns, model, delegate, clipboard, view)
- tables/: the grid models of the workbook tables, shown by the pages
- pk/: the Perjanjian Kinerja page and its rendering; dialogs/: wizards and dialogs
- context + undo: every edit is one ServiceCommand on the context's undo stack
"""
