"""Edits as named verbs: the one way the app and the CLI change a workbook.

Each verb (set a realisasi, add a sub kegiatan, link a dukungan, sign a PK, import a sheet,
...) builds the store's operations from workbook words, applies them through ``book.apply``
in one transaction with its audit rows, and returns the ``Changes`` record naming the
figures it affected. ``book`` is anything with ``.wb``, ``.calc``, ``.parse(ref, text)``
and ``.apply(ops, label)``: the ``WorkbookService`` itself (CLI, tests) or the GUI's
``WorkbookContext``, which makes the same call one undo step.

``cells`` names the editable cells (``cells.realisasi(ind, tahun, tw)``) so nothing above
this package spells a table or a column of the file. Qt-free by contract.
"""
