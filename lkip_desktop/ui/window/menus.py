"""The window's menus and actions: building them, enabling them for the open workbook,
the title, and the Bantuan boxes."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from ... import APP_NAME, __version__, paths
from .. import appsettings, notices
from ..pages.registry import PAGES


class MenusMixin:
    """Menu bar, actions and their state (mixed into MainWindow)."""

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        a = QAction(self)  # not QAction(text, self): its overloads take a QIcon, whose enums PySide makes on first use
        a.setText(text)
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
        self._action(f, "&Buka…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = f.addMenu("Buka &terakhir")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(f, "Buka &contoh (demo)", self.open_demo)
        self._action(f, "Rekap beberapa &OPD…", self._rekap,
                     tip="Ringkasan banyak buku kerja OPD (folder atau berkas) ke satu tabel, Excel dan PDF")
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
        for entry in PAGES:
            self.page_actions.append(self._action(v, entry.title, lambda k=entry.key: self.show_page(k),
                                                  entry.shortcut))
        v.addSeparator()
        self._action(v, "Pindah fokus navigasi ↔ halaman", self.toggle_focus, "F6")

        h = mb.addMenu("B&antuan")
        self._action(h, "&Pintasan papan ketik", self.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self._action(h, "&Lokasi pengaturan dan cadangan…", self.show_locations,
                     tip="Folder cadangan otomatis dan pengaturan, dengan tombol untuk membukanya")
        self._action(h, "Buka folder &cadangan", lambda: notices.open_folder(paths.backups_dir()))
        h.addSeparator()
        self._action(h, "&Tentang LKIP Desktop", self.about)

    def _rekap(self) -> None:
        from ..dialogs.rekap_dialog import RekapDialog  # its PDF and Excel writers load when asked for

        RekapDialog.show_for(self)

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
        self.act_import.setEnabled(has and not ro)
        self.act_template.setEnabled(has)
        self.act_history.setEnabled(has and not ro)
        self.act_export.setEnabled(has)
        self._undo_state()
        if has:
            self.stack.setCurrentWidget(self.work)
            self._update_title()
        else:
            if not self.welcome_waits:  # a file given at start is still opening: no welcome yet
                self.stack.setCurrentWidget(self.welcome)
                self.welcome.refresh()
            self.setWindowTitle(APP_NAME)
            self.path_label.setText("")
            self.saved_label.setText("")
            self._saved_second = 0

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

    def show_locations(self) -> None:
        notices.LocationsDialog.ask(self)

    def show_shortcuts(self) -> None:
        text = (
            "<table>"
            "<tr><td>Enter / Shift+Enter</td><td>simpan dan pindah ke bawah / atas</td></tr>"
            "<tr><td>Tab / Shift+Tab</td><td>pindah ke kanan / kiri</td></tr>"
            "<tr><td>Esc</td><td>batalkan ketikan di sel</td></tr>"
            "<tr><td>Ctrl+Tab</td><td>keluar dari tabel ke isian berikutnya</td></tr>"
            "<tr><td>Ketik</td><td>mengganti isi sel</td></tr><tr><td>F2</td><td>ubah isi sel</td></tr>"
            "<tr><td>Del</td><td>kosongkan sel terpilih</td></tr>"
            "<tr><td>Ctrl+C / Ctrl+V</td><td>salin / tempel blok (dari dan ke Excel)</td></tr>"
            "<tr><td>Ctrl++ / Ctrl+−</td><td>tambah baris / hapus baris</td></tr>"
            "<tr><td>Ctrl+Shift+↑ / ↓</td><td>naikkan / turunkan baris</td></tr>"
            "<tr><td>Ctrl+F / F3 / Shift+F3</td><td>cari dan saring di tabel / berikutnya / sebelumnya</td></tr>"
            "<tr><td>Ctrl+G</td><td>ke baris dengan kode tertentu</td></tr>"
            "<tr><td>Ctrl+D</td><td>isi ke bawah</td></tr><tr><td>Ctrl+Z / Ctrl+Y</td><td>urungkan / ulangi</td></tr>"
            "<tr><td>Ctrl+J, Ctrl+1 … Ctrl+0, Ctrl+H</td><td>pindah halaman</td></tr>"
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
