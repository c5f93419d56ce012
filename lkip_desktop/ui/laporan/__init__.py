"""The Laporan page: every standard table previewed, the free sections of the LKIP (Narasi),
and the export in a worker thread through ``reports.export``."""
