"""Dialogs and wizards the window opens: new workbook, carry from last year / attach history,
import from Excel."""
