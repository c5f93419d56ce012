"""Rekap Pemda: the city's view over many OPD workbooks, read one at a time, read-only.

- ``summary``: the figures of one OPD from its own Calculator and reviu (``OpdSummary``);
- ``ringkasan``: that summary as a small versioned JSON (``export-ringkasan``) and back;
- ``collect``: a folder or files -> summaries plus the inputs skipped, with the reason;
- ``tables``: the ReportTables (OPD ranking with city totals, every IKU, skipped files);
- ``output``: those tables to XLSX and/or PDF, never leaving a half-written file.
"""
