"""The main window: welcome screen, navigation that follows the work, menus, status bar.

One workbook at a time. Pages are built the first time they are shown (a 100x workbook
opens fast) and thrown away when the workbook closes. Errors opening a file are shown in a
dialog; nothing else here opens dialogs on its own.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QTimer, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__, paths
from ..domain.errors import InputError
from ..store.database import StoreError
from ..store.service import WorkbookService
from . import appsettings, notices, work
from .context import WorkbookContext
from .grid import GridView
from .pages import (
    AnggaranPage,
    CapaianPage,
    Page,
    DukunganPage,
    PrestasiPage,
    ProfilPage,
    RealisasiPage,
    RenstraPage,
    ReviuPage,
    RiwayatPage,
    laporan_page,
    pk_page,
)
from .welcome import WelcomePage

log = logging.getLogger(__name__)

# key, navigation label, factory, shortcut
NAV = [
    ("profil", "Profil OPD", ProfilPage, "Ctrl+1"),
    ("renstra", "Renstra & IKU", RenstraPage, "Ctrl+2"),
    ("anggaran", "Program & Anggaran", AnggaranPage, "Ctrl+3"),
    ("realisasi", "Realisasi", RealisasiPage, "Ctrl+4"),
    ("dukungan", "Dukungan", DukunganPage, "Ctrl+5"),
    ("capaian", "Capaian & Analisis", CapaianPage, "Ctrl+6"),
    ("pk", "Perjanjian Kinerja", pk_page, "Ctrl+7"),
    ("prestasi", "Prestasi", PrestasiPage, "Ctrl+8"),
    ("reviu", "Reviu", ReviuPage, "Ctrl+9"),
    ("laporan", "Laporan", laporan_page, "Ctrl+0"),
    ("riwayat", "Riwayat", RiwayatPage, "Ctrl+H"),
]
NAV_KEYS = [n[0] for n in NAV]
DEFAULT_PAGE = "realisasi"

# Where a Reviu finding / stored cell is shown, by table (first page that can locate it).
LOCATE_ORDER = {
    "opd": ["profil"], "settings": ["profil"],
    "tujuan": ["renstra"], "sasaran": ["renstra"],
    "indicator": ["capaian", "renstra"], "komponen": ["renstra"],
    "indicator_value": ["realisasi", "capaian", "renstra"],
    "budget_item": ["anggaran"], "budget_quarter": ["realisasi"],
    "dukungan": ["dukungan"], "prestasi": ["prestasi"],
    "pk_version": ["pk"], "pk_sasaran": ["pk"], "pk_program": ["pk"],
}


def error_box(parent, title: str, text: str) -> None:
    """A modal error message with an Indonesian button (tests replace this function)."""
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


class MainWindow(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.context: WorkbookContext | None = None
        self.pages: dict[str, QWidget] = {}
        self._last_ref = None
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)

        self.stack = QStackedWidget()
        self.welcome = WelcomePage(carry_available=_has_module("carry_dialog"))
        self.welcome.open_demo.connect(self.open_demo)
        self.welcome.new_workbook.connect(self.new_workbook)
        self.welcome.from_last_year.connect(self.new_from_last_year)
        self.welcome.open_file.connect(self.open_dialog)
        self.welcome.open_path.connect(self.open_path)
        self.stack.addWidget(self.welcome)

        self.work = QWidget()
        self.nav = QListWidget()
        self.nav.setAccessibleName("Navigasi")
        self.nav.setStyleSheet("QListWidget::item { padding: 5px 8px; }")
        for key, label, _factory, shortcut in NAV:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{label} ({shortcut})")
            self.nav.addItem(item)
        fm = self.nav.fontMetrics()
        self.nav.setFixedWidth(max(fm.horizontalAdvance(label) for _k, label, _f, _s in NAV) + fm.averageCharWidth() * 6)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.page_stack = QStackedWidget()
        self.notices = notices.NoticeArea()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.notices)
        right.addWidget(self.page_stack, 1)
        lay = QHBoxLayout(self.work)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.nav)
        lay.addLayout(right, 1)
        self.stack.addWidget(self.work)
        self.setCentralWidget(self.stack)

        self.path_label = QLabel()
        self.saved_label = QLabel()
        self.msg_label = QLabel()
        self.msg_label.setWordWrap(False)
        sb = self.statusBar()
        sb.addWidget(self.path_label)
        sb.addWidget(self.msg_label, 1)
        sb.addPermanentWidget(self.saved_label)
        self._msg_timer = QTimer(self)
        self._msg_timer.setSingleShot(True)
        self._msg_timer.timeout.connect(lambda: self.msg_label.setText(""))

        self._build_menus()
        self._restore_window()
        self._update_state()

    # -- menus -----------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                a.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(lambda _checked=False: slot())
        menu.addAction(a)
        return a

    def _build_menus(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu("&Berkas")
        self.act_new = self._action(f, "Buku kerja &baru…", self.new_workbook, QKeySequence.StandardKey.New)
        self.act_carry = self._action(f, "Buat dari file &tahun lalu…", self.new_from_last_year)
        self.act_carry.setEnabled(_has_module("carry_dialog"))
        self._action(f, "&Buka…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = f.addMenu("Buka &terakhir")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(f, "Buka &contoh (demo)", self.open_demo)
        f.addSeparator()
        self.act_history = self._action(f, "Lampirkan &riwayat tahun sebelumnya…", self.attach_history,
                                        tip="Tambahkan target dan realisasi dari berkas tahun-tahun sebelumnya")
        f.addSeparator()
        self.act_import = self._action(f, "&Impor dari Excel…", self.import_xlsx)
        self.act_template = self._action(f, "Simpan templat &isian Excel…", self.export_template,
                                         tip="Templat .xlsx kosong untuk diisi lalu diimpor kembali")
        self.act_export = self._action(f, "&Ekspor laporan…", self.export_report, "Ctrl+E")
        self.act_copy_file = self._action(f, "&Simpan salinan…", self.save_copy, "Ctrl+Shift+S",
                                          "Menyimpan salinan berkas (perubahan sudah tersimpan otomatis)")
        f.addSeparator()
        self.act_close = self._action(f, "&Tutup buku kerja", self.close_workbook, QKeySequence.StandardKey.Close)
        self._action(f, "&Keluar", self.close, QKeySequence.StandardKey.Quit)

        e = mb.addMenu("&Sunting")
        self.act_undo = self._action(e, "&Urungkan", self.undo, QKeySequence.StandardKey.Undo)
        self.act_redo = self._action(e, "U&langi", self.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
        e.addSeparator()
        self.act_copy = self._action(e, "&Salin", self.copy, QKeySequence.StandardKey.Copy)
        self.act_paste = self._action(e, "&Tempel", self.paste, QKeySequence.StandardKey.Paste)
        self.act_fill = self._action(e, "&Isi ke bawah", self.fill_down, "Ctrl+D")
        self.act_clear = self._action(e, "&Kosongkan sel\tDel", self.clear_cells)
        e.addSeparator()
        self.act_row_add = self._action(e, "Tambah &baris", self.row_add, ["Ctrl++", "Ctrl+="],
                                        "Baris baru seperti baris terpilih (tujuan, sasaran, indikator, program, …)")
        self.act_row_delete = self._action(e, "&Hapus baris…", self.row_delete, "Ctrl+-",
                                           "Hapus baris terpilih; bila ada isinya, ditanya dahulu")
        self.act_row_up = self._action(e, "&Naikkan baris", lambda: self.row_move(-1), "Ctrl+Shift+Up")
        self.act_row_down = self._action(e, "Turunkan ba&ris", lambda: self.row_move(1), "Ctrl+Shift+Down")
        self.row_actions = [self.act_row_add, self.act_row_delete, self.act_row_up, self.act_row_down]

        v = mb.addMenu("&Halaman")
        self.page_actions = []
        for key, label, _factory, shortcut in NAV:
            self.page_actions.append(self._action(v, label, lambda k=key: self.show_page(k), shortcut))
        v.addSeparator()
        self._action(v, "Pindah fokus navigasi ↔ halaman", self.toggle_focus, "F6")

        h = mb.addMenu("B&antuan")
        self._action(h, "&Pintasan papan ketik", self.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self._action(h, "&Lokasi pengaturan dan cadangan…", self.show_locations,
                     tip="Folder cadangan otomatis dan pengaturan, dengan tombol untuk membukanya")
        self._action(h, "Buka folder &cadangan", lambda: notices.open_folder(paths.backups_dir()))
        h.addSeparator()
        self._action(h, "&Tentang LKIP Desktop", self.about)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = appsettings.recent_files()
        if not files:
            a = self.recent_menu.addAction("(belum ada)")
            a.setEnabled(False)
        for i, p in enumerate(files, start=1):
            a = self.recent_menu.addAction(f"&{i} {p.name}  —  {p.parent}")
            a.triggered.connect(lambda _c=False, path=p: self.open_path(path))

    def _update_state(self) -> None:
        has = self.context is not None
        ro = has and self.context.service.readonly
        for a in (self.act_copy_file, self.act_close, self.act_copy, self.act_fill, self.act_clear,
                  *self.page_actions):
            a.setEnabled(has)
        self.act_paste.setEnabled(has and not ro)
        for a in self.row_actions:
            a.setEnabled(has and not ro)
        self.act_import.setEnabled(has and not ro and _has_module("import_xlsx_dialog"))
        self.act_template.setEnabled(has and _has_module("import_xlsx_dialog"))
        self.act_history.setEnabled(has and not ro and _has_module("carry_dialog"))
        self.act_export.setEnabled(has and _has_module("export_dialog"))
        self._undo_state()
        self.stack.setCurrentWidget(self.work if has else self.welcome)
        if not has:
            self.welcome.refresh()
            self.setWindowTitle(APP_NAME)
            self.path_label.setText("")
            self.saved_label.setText("")
        else:
            self._update_title()

    def _undo_state(self) -> None:
        st = self.context.undo_stack if self.context else None
        self.act_undo.setEnabled(bool(st and st.canUndo()))
        self.act_redo.setEnabled(bool(st and st.canRedo()))
        self.act_undo.setText(f"&Urungkan {st.undoText()}" if st and st.canUndo() else "&Urungkan")
        self.act_redo.setText(f"U&langi {st.redoText()}" if st and st.canRedo() else "U&langi")

    def _update_title(self) -> None:
        wb = self.context.wb
        name = wb.opd.singkatan or wb.opd.nama or "OPD tanpa nama"
        ro = " (baca-saja)" if self.context.service.readonly else ""
        path = self.context.service.path
        self.setWindowTitle(f"{name} – Tahun {wb.settings.tahun} – {path.name if path else ''}{ro} – {APP_NAME}")
        self.path_label.setText(f"Berkas: {path}")

    # -- files -----------------------------------------------------------------------------------
    def open_demo(self) -> bool:
        from ..exchange.demo import demo_path

        try:
            path = demo_path()
        except Exception as exc:  # noqa: BLE001 - a broken bundle must not crash the app
            log.exception("demo")
            error_box(self, "Contoh tidak dapat dibuat", str(exc))
            return False
        return self.open_path(path)

    def open_dialog(self) -> bool:
        path = ask_open_path(self)
        return self.open_path(path) if path else False

    def new_workbook(self) -> bool:
        from .new_workbook import NewWorkbookWizard

        path = NewWorkbookWizard.ask(self)
        return self.open_path(path) if path else False

    def new_from_last_year(self) -> bool:
        try:
            from .carry_dialog import new_from_last_year
        except ImportError:
            self.show_message("Fitur 'Buat dari file tahun lalu' belum tersedia.", error=True)
            return False
        # With a workbook open, carry starts from it (its snapshot; no second lock on the file).
        path = new_from_last_year(self, context=self.context)
        return self.open_path(path) if path else False

    def open_path(self, path) -> bool:
        if path is None:
            return False
        path = Path(path)
        if self.context is not None and self.context.service.path and \
                Path(self.context.service.path).resolve() == path.resolve():
            return True
        backups = paths.backups_dir()
        # Loading a big workbook takes seconds: a worker thread, a dialog with Batal; the
        # window switches only once the workbook is fully loaded.
        stop = threading.Event()  # Batal stops the load between tables and frees the file
        outcome = work.run_with_progress(
            self, f"Membuka {path.name}…",
            lambda: WorkbookService.open(path, backup_dir=backups, progress=lambda done, total: not stop.is_set()),
            discard=lambda svc: svc.close(), cancel=stop)
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
            log.exception("open %s", path)
            error_box(self, "Buku kerja tidak dapat dibuka", f"Kesalahan tak terduga: {exc}")
            return False
        self.close_workbook()
        self._install(svc)
        appsettings.add_recent(path)
        self._file_notices(svc)
        return True

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
        st.canUndoChanged.connect(lambda _b: self._undo_state())
        st.canRedoChanged.connect(lambda _b: self._undo_state())
        st.indexChanged.connect(lambda _i: self._undo_state())
        self.saved_label.setText("Semua perubahan tersimpan")
        self._update_state()
        page = appsettings.settings().value("page", DEFAULT_PAGE)
        self.show_page(page if page in NAV_KEYS else DEFAULT_PAGE)

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
        try:
            if target.exists():
                target.unlink()
            self.context.service.save_copy(target)
        except (OSError, sqlite3.Error) as exc:
            error_box(self, "Salinan tidak dapat disimpan", str(exc))
            return
        self.show_message(f"Salinan disimpan: {target}")

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
        try:
            if target.exists():
                target.unlink()
            self.context.service.save_copy(target)
        except (OSError, sqlite3.Error) as exc:
            error_box(self, "Salinan tidak dapat disimpan", str(exc))
            return False
        self.close_workbook()
        if self.open_path(target):
            self.show_message(f"Sekarang bekerja pada salinan lokal: {target}")
            return True
        return False

    def show_locations(self) -> None:
        notices.LocationsDialog.ask(self)

    def _feature(self, module: str, name: str, what: str):
        """A feature from another part of the app, or None (with a message) when it is missing
        or no workbook is open."""
        if self.context is None:
            return None
        try:
            return getattr(importlib.import_module(f"{__package__}.{module}"), name)
        except (ImportError, AttributeError):
            self.show_message(f"{what} belum tersedia.", error=True)
            return None

    def import_xlsx(self) -> None:
        dialog = self._feature("import_xlsx_dialog", "ImportXlsxDialog", "Impor dari Excel")
        if dialog is not None:
            dialog.run(self, self.context)

    def attach_history(self) -> int:
        attach = self._feature("carry_dialog", "attach_history", "Fitur riwayat tahun sebelumnya")
        return attach(self, self.context) if attach is not None else 0

    def export_template(self):
        write = self._feature("import_xlsx_dialog", "export_entry_template", "Templat isian")
        path = write(self, self.context) if write is not None else None
        if path:
            self.show_message(f"Templat isian disimpan: {path}")
        return path

    def export_report(self) -> None:
        dialog = self._feature("export_dialog", "ExportDialog", "Ekspor laporan")
        if dialog is not None:
            dialog.run(self, self.context)

    # -- pages -----------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            factory = dict((k, f) for k, _l, f, _s in NAV)[key]
            try:
                page = factory(self.context, self.page_stack)
            except Exception as exc:  # noqa: BLE001 - one broken page must not take the app down
                log.exception("page %s", key)
                from .pages import UnavailablePage

                page = UnavailablePage(self.context, key, f"Halaman gagal dimuat: {exc}", self.page_stack)
            self.pages[key] = page
            self.page_stack.addWidget(page)
            # Pages of other engineers may not have these signals: connect only what exists.
            if isinstance(getattr(page, "message", None), SignalInstance):
                page.message.connect(lambda text: self.show_message(text, error=True))
            for view in getattr(page, "views", []) if isinstance(page, Page) else []:
                view.current_ref.connect(self._track_ref)
            if isinstance(page, Page):
                page.views_added.connect(lambda view: view.current_ref.connect(self._track_ref))
            if isinstance(getattr(page, "jump", None), SignalInstance):
                page.jump.connect(self.jump_to)
            if key == "riwayat" and self._last_ref is not None:
                page.set_ref(self._last_ref)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget | None:
        if self.context is None or key not in NAV_KEYS:
            return None
        row = NAV_KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # -> _nav_changed
        else:
            self._nav_changed(row)
        return self.pages.get(key)

    def _nav_changed(self, row: int) -> None:
        if self.context is None or row < 0:
            return
        page = self.page(NAV_KEYS[row])
        self.page_stack.setCurrentWidget(page)
        if hasattr(page, "on_shown"):
            page.on_shown()

    def current_page_key(self) -> str | None:
        w = self.page_stack.currentWidget()
        for k, p in self.pages.items():
            if p is w:
                return k
        return None

    def current_page(self) -> QWidget | None:
        return self.page_stack.currentWidget() if self.context else None

    def jump_to(self, table: str, key: tuple, field) -> bool:
        for page_key in LOCATE_ORDER.get(table, []):
            self.show_page(page_key)
            page = self.pages.get(page_key)
            if page is not None and hasattr(page, "locate") and page.locate(table, tuple(key), field):
                return True
        self.show_message("Lokasi temuan tidak dapat ditampilkan.", error=True)
        return False

    def _track_ref(self, ref) -> None:
        if ref is None:
            return
        self._last_ref = ref
        if "riwayat" in self.pages:
            self.pages["riwayat"].set_ref(ref)

    def toggle_focus(self) -> None:
        if self.context is None:
            return
        if self.nav.hasFocus():
            page = self.current_page()
            views = page.views if isinstance(page, Page) else []
            (views[0] if views else page).setFocus()
        else:
            self.nav.setFocus()

    # -- editing actions ---------------------------------------------------------------------------
    def _grid(self) -> GridView | None:
        w = QApplication.focusWidget()
        while w is not None:
            if isinstance(w, GridView):
                return w
            w = w.parentWidget()
        page = self.current_page()
        views = [v for v in page.views if v.isVisible()] if isinstance(page, Page) else []
        return views[0] if views else None

    def _focused_text_widget(self):
        w = QApplication.focusWidget()
        if w is not None and not isinstance(w, GridView) and hasattr(w, "paste") and hasattr(w, "copy"):
            return w
        return None

    def undo(self) -> None:
        if self.context is not None:
            self.context.undo_stack.undo()

    def redo(self) -> None:
        if self.context is not None:
            self.context.undo_stack.redo()

    def copy(self) -> None:
        tw = self._focused_text_widget()
        if tw is not None:
            tw.copy()
        elif (g := self._grid()) is not None:
            g.copy()

    def paste(self) -> None:
        tw = self._focused_text_widget()
        if tw is not None:
            tw.paste()
        elif (g := self._grid()) is not None:
            g.paste()

    def _row_page(self):
        page = self.current_page()
        if isinstance(page, Page) and page.can_edit_rows and not self.context.service.readonly:
            return page
        self.show_message("Halaman ini tidak memiliki baris yang dapat ditambah, dihapus atau dipindah.", error=True)
        return None

    def row_add(self) -> None:
        if (p := self._row_page()) is not None:
            p.row_add()

    def row_delete(self) -> None:
        if (p := self._row_page()) is not None:
            p.row_delete()

    def row_move(self, step: int) -> bool:
        p = self._row_page()
        return bool(p is not None and p.row_move(step))

    def fill_down(self) -> None:
        if (g := self._grid()) is not None:
            g.fill_down()

    def clear_cells(self) -> None:
        if (g := self._grid()) is not None:
            g.clear_cells()

    # -- status ------------------------------------------------------------------------------------
    def _changed(self, ch) -> None:
        self.saved_label.setText(f"Semua perubahan tersimpan · {datetime.now():%H.%M.%S}")
        if ch.everything or any(r.table in ("opd", "settings") for r in ch.cells):
            self._update_title()
        if self.msg_label.property("error"):
            self.msg_label.setText("")

    def show_message(self, text: str, error: bool = False) -> None:
        self.msg_label.setProperty("error", error)
        self.msg_label.setStyleSheet("color: #b42318; font-weight: bold;" if error else "")
        self.msg_label.setText(text)
        self.msg_label.setToolTip(text)
        self._msg_timer.start(12000 if error else 6000)

    def show_shortcuts(self) -> None:
        text = (
            "<table>"
            "<tr><td>Enter / Shift+Enter</td><td>simpan dan pindah ke bawah / atas</td></tr>"
            "<tr><td>Tab / Shift+Tab</td><td>pindah ke kanan / kiri</td></tr>"
            "<tr><td>Ketik</td><td>mengganti isi sel</td></tr><tr><td>F2</td><td>ubah isi sel</td></tr>"
            "<tr><td>Del</td><td>kosongkan sel terpilih</td></tr>"
            "<tr><td>Ctrl+C / Ctrl+V</td><td>salin / tempel blok (dari dan ke Excel)</td></tr>"
            "<tr><td>Ctrl++ / Ctrl+−</td><td>tambah baris / hapus baris</td></tr>"
            "<tr><td>Ctrl+Shift+↑ / ↓</td><td>naikkan / turunkan baris</td></tr>"
            "<tr><td>Ctrl+D</td><td>isi ke bawah</td></tr><tr><td>Ctrl+Z / Ctrl+Y</td><td>urungkan / ulangi</td></tr>"
            "<tr><td>Ctrl+1 … Ctrl+0, Ctrl+H</td><td>pindah halaman</td></tr>"
            "<tr><td>F6</td><td>pindah fokus navigasi ↔ halaman</td></tr>"
            "<tr><td>Ctrl+N / Ctrl+O / Ctrl+W</td><td>buku kerja baru / buka / tutup</td></tr>"
            "</table>"
        )
        box = QMessageBox(QMessageBox.Icon.Information, "Pintasan papan ketik", text,
                          QMessageBox.StandardButton.NoButton, self)
        box.addButton("Tutup", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Tentang LKIP Desktop",
                          f"<b>LKIP Desktop {__version__}</b><br>Buku kerja SAKIP/LKIP satu OPD, luring.<br>"
                          "Setiap perubahan langsung tersimpan ke berkas .lkip.",
                          QMessageBox.StandardButton.NoButton, self)
        box.addButton("Tutup", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    # -- window ---------------------------------------------------------------------------------------
    def _restore_window(self) -> None:
        geo = appsettings.settings().value("geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event) -> None:
        s = appsettings.settings()
        s.setValue("geometry", self.saveGeometry())
        s.sync()
        self.close_workbook()
        work.wait_for_orphans()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if any(u.toLocalFile().lower().endswith(".lkip") for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for u in event.mimeData().urls():
            if u.toLocalFile().lower().endswith(".lkip"):
                event.acceptProposedAction()
                self.open_path(Path(u.toLocalFile()))
                return


def _has_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(f"lkip_desktop.ui.{name}") is not None
    except (ImportError, ValueError):
        return False
