"""The one default folder of every save/open dialog (the open workbook's folder) and the
exported LKIP files found there."""

from __future__ import annotations

from pathlib import Path

from ..reports.export import document_title, export_paths


def workbook_folder(service) -> Path:
    """Where the open workbook lives (home when it has no path)."""
    path = getattr(service, "path", None)
    return Path(path).parent if path else Path.home()


def in_workbook_folder(service, name: str) -> str:
    """``name`` in the workbook's folder, as a dialog's starting path."""
    return str(workbook_folder(service) / name)


def export_base(service) -> Path:
    """The report's suggested name (without suffix) in the workbook's folder."""
    return workbook_folder(service) / document_title(service).replace(" ", "_")


def found_export(service) -> Path | None:
    """The newest exported LKIP file under the suggested name, if one exists."""
    paths = export_paths(export_base(service), pdf=True, xlsx=True, docx=True, lengkap=True)
    existing = [p for p in paths.values() if p is not None and p.is_file()]
    return max(existing, key=lambda p: p.stat().st_mtime) if existing else None
