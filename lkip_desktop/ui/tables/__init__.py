"""The concrete grid models of the workbook tables (the pages show them; grid/ is the engine)."""
