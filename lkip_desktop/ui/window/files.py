"""Opening, creating, closing and copying workbook files, and the file dialogs the File
menu reaches (import, template, history, export)."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ... import collector, paths
from ...domain.errors import InputError
from ...store.database import StoreError
from ...store.service import WorkbookService
from .. import appsettings, notices, work
from ..crash import show_crash
from ..context import WorkbookContext
from ..pages.registry import start_page


log = logging.getLogger(__name__)


def error_box(parent, title: str, text: str) -> None:
    """A modal error message for an expected failure (a damaged or locked file), with an
    Indonesian button; unexpected failures use the crash dialog (ui.crash). Tests replace it."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton("Tutup", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def ask_open_path(parent) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Buka buku kerja", "",
                                          "Buku kerja LKIP (*.lkip);;Semua berkas (*)")
    return Path(path) if path else None


def ask_save_path(parent, title: str, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "Buku kerja LKIP (*.lkip)")
    if not path:
        return None
    p = Path(path)
    return p if p.suffix == ".lkip" else p.with_suffix(".lkip")


INTEGRITY_CHECK_DELAY_MS = 50  # after the first paint of the opened workbook


def _open_ready(path: Path, backups: Path, stop: threading.Event) -> WorkbookService:
    """The open in the worker, with what every first page needs made there too (the
    navigation index, the OPD average): at 100x these took 0.2 s of the window's thread."""
    svc = WorkbookService.open(path, backup_dir=backups, progress=lambda done, total: not stop.is_set(),
                               check_later=True)
    try:
        svc.wb.prepare_navigation()
        svc.calc.opd_average()
    except BaseException:
        svc.close()
        raise
    return svc


class FilesMixin:
    """The File menu's work on workbook files (mixed into MainWindow)."""

    def open_demo(self) -> bool:
        from ...exchange.demo import demo_path  # the demo's builder loads when asked for

        try:
            path = demo_path()
        except Exception as exc:  # noqa: BLE001 - a broken bundle must not crash the app
            log.exception("demo")
            show_crash(self, f"Contoh tidak dapat dibuat ({exc})")
            return False
        return self.open_path(path)

    def open_dialog(self) -> bool:
        path = ask_open_path(self)
        return self.open_path(path) if path else False

    def new_workbook(self) -> bool:
        from ..dialogs.new_workbook import NewWorkbookWizard  # dialogs load when first asked for

        path = NewWorkbookWizard.ask(self)
        return self.open_path(path) if path else False

    def new_from_last_year(self) -> bool:
        from ..dialogs import carry_dialog

        # With a workbook open, carry starts from it (its snapshot; no second lock on the file).
        path = carry_dialog.new_from_last_year(self, context=self.context)
        return self.open_path(path) if path else False

    def open_path(self, path) -> bool:
        if path is None:
            return False
        # The collector is off while the load and the first page make their objects, and the
        # workbook's are frozen (never walked again) once the window is back in its event loop
        # (painted); the quarterly rows read after the paint are frozen when they are made.
        collector.pause(keep=True, freeze_over=collector.WINDOW_FREEZE_OVER)
        try:
            return self._open_path(Path(path))
        finally:
            QTimer.singleShot(0, collector.resume)
            self.end_opening()

    def _open_path(self, path: Path) -> bool:
        if self.context is not None and self.context.service.path and \
                Path(self.context.service.path).resolve() == path.resolve():
            return True
        backups = paths.backups_dir()
        # Loading a big workbook takes seconds: a worker thread, a dialog with Batal; the
        # window switches only once the workbook is fully loaded.
        stop = threading.Event()  # Batal stops the load between tables and frees the file
        outcome = work.run_with_progress(
            self, f"Membuka {path.name}…",
            lambda: _open_ready(path, backups, stop),
            discard=lambda svc: svc.close(), cancel=stop,
            hold_input=False)  # it reads only the file being opened: input meanwhile changes none of it
        if outcome.cancelled:
            self.show_message(f"Membuka {path.name} dibatalkan.")
            return False
        try:
            if outcome.error is not None:
                raise outcome.error
            svc = outcome.result
        except (StoreError, InputError, OSError, sqlite3.Error) as exc:
            error_box(self, "Buku kerja tidak dapat dibuka", str(exc))
            if not path.exists():
                appsettings.remove_recent(path)
                self.welcome.refresh()
            return False
        except Exception as exc:  # noqa: BLE001 - never crash on a hostile file
            log.exception("open %s", path)  # the crash dialog offers the folder of this log
            show_crash(self, f"Buku kerja {path.name} tidak dapat dibuka ({exc})")
            return False
        self.close_workbook()
        self._install(svc)
        appsettings.add_recent(path)
        self._file_notices(svc)
        # The quarterly rows and SQLite's check of every page once the window has painted
        # (0.1-0.4 s each on a city-size file, in a background thread); the service holds
        # every write until they passed, and any use of a quarter before waits for its rows
        QTimer.singleShot(INTEGRITY_CHECK_DELAY_MS, self, lambda: self._check_integrity(svc))
        return True

    def _check_integrity(self, svc: WorkbookService) -> None:
        if self.context is None or self.context.service is not svc:
            return  # closed or replaced meanwhile (its own open checked the next one)
        svc.start_integrity_check()
        if svc.integrity_check_running:  # look again soon: the window is never blocked waiting
            QTimer.singleShot(INTEGRITY_CHECK_DELAY_MS, self, lambda: self._check_integrity(svc))
            return
        try:
            svc.check_integrity()
        except (StoreError, OSError) as exc:
            self.close_workbook()
            error_box(self, "Buku kerja tidak dapat dibuka", str(exc))

    def _file_notices(self, svc: WorkbookService) -> None:
        """Say what the user must know about this file, without blocking the work."""
        try:
            remote = svc.on_network_share
        except OSError:
            remote = False
        if remote:
            self.notices.show_notice(
                "jaringan",
                "Berkas ini berada di folder jaringan. Penguncian berkas di folder jaringan tidak selalu "
                "andal, sehingga perubahan bisa gagal tersimpan atau berkas rusak. Sebaiknya salin berkas ke "
                "disk komputer ini dan bekerja dari salinan itu.",
                [("Salin ke komputer ini…", self.copy_to_local)])
        if svc.migrated_backup:
            backup = Path(svc.migrated_backup)
            self.notices.show_notice(
                "format",
                f"Berkas ini dibuat oleh versi lama LKIP Desktop dan sudah diperbarui ke format baru. "
                f"Salinan versi lama disimpan di: {backup}",
                [("Buka folder", lambda: notices.open_folder(backup.parent))], warning=False)

    def _install(self, svc: WorkbookService) -> None:
        ctx = WorkbookContext(svc, self)
        self.context = ctx
        ctx.changed.connect(self._changed)
        ctx.failed.connect(lambda text: self.show_message(text, error=True))
        st = ctx.undo_stack
        # every push, undo, redo and clear moves the index (no macros are used): one update
        # per edit, not three (canUndoChanged/canRedoChanged come with it)
        st.indexChanged.connect(lambda _i: self._undo_state())
        self.saved_label.setText("Semua perubahan tersimpan")
        self._saved_second = 0  # the next edit shows its time
        # the start page first: showing the work area would otherwise build the first page of
        # the list (Alur kerja) on the way, with its checks and its imports
        self.show_page(start_page(ctx.wb, appsettings.settings().value("page")))
        self._update_state()

    def close_workbook(self) -> None:
        if self.context is None:
            return
        # Commit a text field still being typed in (editingFinished / focus-out).
        fw = QApplication.focusWidget()
        if fw is not None:
            fw.clearFocus()
        current = self.current_page_key()
        if current:
            s = appsettings.settings()
            s.setValue("page", current)
            s.sync()
        ctx = self.context
        self.context = None
        for page in self.pages.values():
            self.page_stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._last_ref = None
        ctx.undo_stack.clear()
        try:
            ctx.changed.disconnect()
            ctx.failed.disconnect()
        except (RuntimeError, TypeError):
            pass
        ctx.service.close()
        ctx.deleteLater()
        # its workbook was frozen at the end of the open (collector.py): handed back once its
        # pages are deleted (they hold it), so the pass that follows can free it
        QTimer.singleShot(0, collector.release)
        self.notices.clear()
        self._update_state()

    def save_copy(self) -> None:
        if self.context is None:
            return
        src = self.context.service.path
        suggested = str(src.with_name(f"{src.stem} (salinan).lkip")) if src else "salinan.lkip"
        target = ask_save_path(self, "Simpan salinan buku kerja", suggested)
        if target is None:
            return
        if src and target.resolve() == Path(src).resolve():
            self.show_message("Pilih nama lain: berkas ini sedang terbuka.", error=True)
            return
        if self._write_copy(target):
            self.show_message(f"Salinan disimpan: {target}")

    def _write_copy(self, target: Path) -> bool:
        """Save a copy of the open workbook as ``target`` (replacing it); a failure is shown."""
        try:
            if target.exists():
                target.unlink()
            self.context.service.save_copy(target)
        except (OSError, sqlite3.Error) as exc:
            error_box(self, "Salinan tidak dapat disimpan", str(exc))
            return False
        return True

    def copy_to_local(self) -> bool:
        """Copy the open (network) file to a local folder and continue on the copy."""
        if self.context is None or self.context.service.path is None:
            return False
        src = Path(self.context.service.path)
        suggested = str(Path.home() / "Documents" / src.name) if (Path.home() / "Documents").is_dir() \
            else str(Path.home() / src.name)
        target = ask_save_path(self, "Salin buku kerja ke komputer ini", suggested)
        if target is None:
            return False
        if target.resolve() == src.resolve():
            self.show_message("Pilih folder di komputer ini, bukan berkas yang sedang terbuka.", error=True)
            return False
        if not self._write_copy(target):
            return False
        self.close_workbook()
        if self.open_path(target):
            self.show_message(f"Sekarang bekerja pada salinan lokal: {target}")
            return True
        return False

    # The dialogs are called through their modules (tests replace these functions), imported
    # when first used (the Excel import and the Laporan page bring openpyxl and reportlab).
    def import_xlsx(self) -> None:
        from ..dialogs import import_xlsx_dialog

        if self.context is not None:
            import_xlsx_dialog.ImportXlsxDialog.run(self, self.context)

    def attach_history(self) -> int:
        from ..dialogs import carry_dialog

        return carry_dialog.attach_history(self, self.context) if self.context is not None else 0

    def export_template(self):
        if self.context is None:
            return None
        from ..dialogs import import_xlsx_dialog

        path = import_xlsx_dialog.export_entry_template(self, self.context)
        if path:
            self.show_message(f"Templat isian disimpan: {path}")
        return path

    def export_report(self) -> None:
        from ..laporan import page as laporan_page

        if self.context is not None:
            laporan_page.ExportDialog.run(self, self.context)
