"""The one export orchestrator, for every caller (GUI worker, CLI, bench): build the chosen
standard tables of a workbook and write them to PDF and/or XLSX, and/or the whole LKIP
(narrative + every table) as a Word document and as a PDF.

Two phases, so a GUI can keep the workbook on its own thread:
- ``plan_export`` refuses any output that would overwrite a workbook, then reads the
  workbook: builds the tables and the document (immutable from then on);
- ``write_export`` renders a plan to files; it touches no workbook, so it may run in a
  worker thread. Cancelled, it leaves no half-written file and raises ``Cancelled``.
``export`` is the two in a row, with one progress scale over both."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..store.database import check_output_path
from .atomic import write_whole
from .builders import TableSpec, select, standard_tables
from .document import LkipDocument, build_lkip
from .table import Cancelled, ReportTable

# What the GUI and the CLI offer, with the user's words for them.
FORMATS = {
    "pdf": "Tabel (PDF)",
    "xlsx": "Tabel (Excel .xlsx)",
    "docx": "Laporan lengkap (Word .docx)",
    "lengkap": "Laporan lengkap (PDF)",
}
REPORT_SUFFIXES = (".pdf", ".xlsx", ".docx")

Progress = Callable[[int, int, str], None]  # (done, total, what is being done)
CancelCheck = Callable[[], bool]  # True: stop


@dataclass
class ExportResult:
    tables: list[ReportTable] = field(default_factory=list)
    pdf: Path | None = None
    xlsx: Path | None = None
    docx: Path | None = None
    lengkap: Path | None = None  # the whole LKIP as PDF
    document: LkipDocument | None = None

    @property
    def paths(self) -> list[Path]:
        return [p for p in (self.pdf, self.xlsx, self.docx, self.lengkap) if p]


@dataclass(frozen=True)
class ExportPlan:
    """What ``write_export`` writes: finished tables and document, checked output paths.
    ``build_steps`` were done by ``plan_export``; ``write_steps`` are ``write_export``'s."""

    paper: str
    title: str
    tables: list[ReportTable]
    document: LkipDocument | None
    pdf: Path | str | None = None
    xlsx: Path | str | None = None
    docx: Path | str | None = None
    lengkap: Path | str | None = None
    build_steps: int = 0

    @property
    def write_steps(self) -> int:
        n_doc = len(self.document.tables()) if self.document is not None else 0
        return (len(self.tables) * (bool(self.pdf) + bool(self.xlsx))
                + n_doc * (bool(self.docx) + bool(self.lengkap)))

    @property
    def steps(self) -> int:
        return self.build_steps + self.write_steps


def document_title(svc) -> str:
    wb = svc.wb
    opd = wb.opd.singkatan or wb.opd.nama or "Perangkat Daerah"
    return f"LKIP {opd} {wb.settings.tahun}"


def export_paths(base: str | Path, *, pdf: bool, xlsx: bool, docx: bool, lengkap: bool,
                 workbook: Path | str | None = None) -> dict[str, Path | None]:
    """The files an export to the name ``base`` writes (None: not wanted): ``base``.pdf and
    ``base``.xlsx for the tables, ``base``.docx and ``base``_lengkap.pdf for the whole LKIP.
    A report suffix on ``base`` is dropped. ``base`` itself must not be a workbook (the open
    one, any .lkip): StoreError, with the reason in the user's words."""
    base = Path(base)
    check_output_path(base, workbook=workbook)  # the user picked the workbook itself: say so
    if base.suffix.lower() in REPORT_SUFFIXES:
        base = base.with_suffix("")
    return {
        "pdf": base.with_suffix(".pdf") if pdf else None,
        "xlsx": base.with_suffix(".xlsx") if xlsx else None,
        "docx": base.with_suffix(".docx") if docx else None,
        "lengkap": base.with_name(base.name + "_lengkap.pdf") if lengkap else None,
    }


class _Ticker:
    """One progress scale over both phases; the cancel check between steps."""

    def __init__(self, total: int, progress: Progress | None, cancel: CancelCheck | None, done: int = 0):
        self.total, self.progress, self.cancel, self.done = total, progress, cancel, done

    def tick(self, what: str) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, what)

    def per_table(self, label: str) -> Callable[[int, int], None]:
        return lambda i, n: self.tick(f"{label}: tabel {i} dari {n}")

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()


def plan_export(svc, *, pdf: str | Path | None = None, xlsx: str | Path | None = None,
                docx: str | Path | None = None, lengkap: str | Path | None = None,
                tables: Iterable[str] | None = None, paper: str | None = None,
                progress: Progress | None = None, cancel: CancelCheck | None = None) -> ExportPlan:
    """Check the outputs, then build what they need from ``svc`` (on the caller's thread).
    ``tables``: numbers ("3.1") or keys; None = every standard table (the full report,
    ``docx`` and ``lengkap``, always carries every table). ``paper``: "A4" or "F4"
    (default: the workbook's setting). Raises StoreError for an output that is a workbook or
    a workbook whose rows or pages turned out damaged after the window's open."""
    for out in (pdf, xlsx, docx, lengkap):
        if out is not None and not hasattr(out, "write"):
            check_output_path(out, workbook=svc.path)  # an export never overwrites a workbook
    try:  # printed only from rows read whole: waits for what the window's open left for later
        svc.check_integrity()
    except OSError:
        pass  # only the session's backup copy failed (writes wait for it; a report is sound)
    paper = (paper or svc.wb.settings.kertas or "A4").upper()
    all_specs: list[TableSpec] = standard_tables(svc)
    specs = select(all_specs, tables) if (pdf or xlsx) else []
    full = bool(docx or lengkap)
    n_all = len(all_specs)
    build_steps = len(specs) + (n_all if full else 0)
    write_steps = len(specs) * (bool(pdf) + bool(xlsx)) + (n_all * (bool(docx) + bool(lengkap)) if full else 0)
    ticker = _Ticker(build_steps + write_steps, progress, cancel)
    built: list[ReportTable] = []
    for spec in specs:
        ticker.check()
        built.append(spec.build())
        ticker.tick(f"Menyusun {spec.caption}")
    document = None
    if full:
        ticker.check()
        document = build_lkip(svc, all_specs)
        for _ in range(n_all):
            ticker.tick("Menyusun laporan lengkap")
    return ExportPlan(paper, document_title(svc), built, document, pdf, xlsx, docx, lengkap, build_steps)


class ExportError(Exception):
    """Some outputs of a run could not be made; every other one was written (``result``).
    ``str()`` is the message for the user, in Indonesian, naming each failed file."""

    def __init__(self, failures: list[tuple[Path | str, str]], result: ExportResult):
        self.failures, self.result = failures, result
        lines = [f"{Path(str(p)).name}: {why}" for p, why in failures]
        head = "Berkas berikut tidak dapat dibuat" + (" (berkas lain sudah ditulis)" if result.paths else "")
        super().__init__(head + ":\n" + "\n".join(lines))


def failure_reason(exc: BaseException) -> str:
    """Why an output could not be made, in the user's words."""
    if isinstance(exc, PermissionError):
        return "tidak ada izin menulis, atau berkas sedang dibuka di program lain"
    if isinstance(exc, FileNotFoundError):
        return "folder tujuan tidak ada"
    if isinstance(exc, OSError):
        return f"berkas tidak dapat ditulis ({exc.strerror or exc})"
    detail = f"{type(exc).__name__}: {exc}"
    return f"kesalahan tak terduga saat menyusun berkas ({detail[:300]})"


def write_export(plan: ExportPlan, *, progress: Progress | None = None,
                 cancel: CancelCheck | None = None) -> ExportResult:
    """Render ``plan`` to its files, each on its own: written to a temporary name and renamed
    when complete. An output that fails is named in ``ExportError`` (raised after every other
    output was written). ``progress(done, total, what)`` continues the scale of
    ``plan_export``; ``cancel()`` returning True stops: the file being written is removed
    (files finished before stay) and ``Cancelled`` is raised."""
    ticker = _Ticker(plan.steps, progress, cancel, done=plan.build_steps)
    result = ExportResult(tables=list(plan.tables), document=plan.document)
    failures: list[tuple[Path | str, str]] = []
    doc = plan.document
    jobs: list[tuple[str, Path | str | None, Callable[[object], Path]]] = [
        ("pdf", plan.pdf, lambda out: _pdf(plan, out, ticker, cancel)),
        ("xlsx", plan.xlsx, lambda out: _xlsx(plan, out, ticker, cancel)),
        ("docx", plan.docx if doc is not None else None, lambda out: _docx(doc, out, plan.paper, ticker, cancel)),
        ("lengkap", plan.lengkap if doc is not None else None,
         lambda out: _document_pdf(doc, out, plan.paper, ticker, cancel)),
    ]
    for name, target, render in jobs:
        if not target:
            continue
        ticker.check()
        try:
            if hasattr(target, "write"):
                render(target)
                setattr(result, name, target)
            else:
                setattr(result, name, write_whole(target, render))
        except Cancelled as exc:  # the output being written is never left half-made (write_whole)
            if not hasattr(target, "write"):
                exc.removed = Path(target)
            exc.kept = tuple(Path(p) for p in (result.pdf, result.xlsx, result.docx, result.lengkap)
                             if p is not None and not hasattr(p, "write"))
            raise
        except Exception as exc:  # one failed output never costs another, nor ends in a traceback
            failures.append((target if not hasattr(target, "write") else name, failure_reason(exc)))
    if failures:
        raise ExportError(failures, result)
    return result


# The renderers are imported when a file of their kind is wanted: reportlab, openpyxl and
# python-docx are not part of the app's start-up.
def _pdf(plan: ExportPlan, out, ticker: _Ticker, cancel: CancelCheck | None) -> Path:
    from .pdf import render_pdf

    return render_pdf(plan.tables, out, plan.paper, title=plan.title, footer=plan.title,
                      progress=ticker.per_table("PDF"), cancel=cancel)


def _xlsx(plan: ExportPlan, out, ticker: _Ticker, cancel: CancelCheck | None) -> Path:
    from .xlsx import render_xlsx

    return render_xlsx(plan.tables, out, plan.paper, title=plan.title, progress=ticker.per_table("Excel"),
                       cancel=cancel)


def _docx(doc: LkipDocument, out, paper: str, ticker: _Ticker, cancel: CancelCheck | None) -> Path:
    from .docx import render_docx

    return render_docx(doc, out, paper, progress=ticker.per_table("Word"), cancel=cancel)


def _document_pdf(doc: LkipDocument, out, paper: str, ticker: _Ticker, cancel: CancelCheck | None) -> Path:
    from .document_pdf import render_document_pdf

    return render_document_pdf(doc, out, paper, progress=ticker.per_table("PDF lengkap"), cancel=cancel)


def export(svc, *, pdf: str | Path | None = None, xlsx: str | Path | None = None,
           docx: str | Path | None = None, lengkap: str | Path | None = None,
           tables: Iterable[str] | None = None, paper: str | None = None,
           progress: Progress | None = None, cancel: CancelCheck | None = None) -> ExportResult:
    """``plan_export`` then ``write_export`` (see both): what the CLI and the bench call."""
    plan = plan_export(svc, pdf=pdf, xlsx=xlsx, docx=docx, lengkap=lengkap, tables=tables, paper=paper,
                       progress=progress, cancel=cancel)
    return write_export(plan, progress=progress, cancel=cancel)
