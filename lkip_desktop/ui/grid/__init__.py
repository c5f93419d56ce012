"""Spreadsheet-like grids: columns over row nodes (columns), the Qt item model (model), the cell
editor (delegate), block copy/paste/clear/fill (clipboard) and the view (view)."""
