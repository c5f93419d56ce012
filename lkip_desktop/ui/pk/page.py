"""The "Perjanjian Kinerja" page: versions, editing a draft, signing, PK Perubahan, the
differences between two versions, consistency warnings, preview, print and PDF.

Every edit goes through ``edits.pk`` with the context as target, so each is one undo step;
a signed version is shown read-only (the service refuses its edits anyway).

The page composes its tabs from mixins: entry_form, versions, preview."""

from __future__ import annotations

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import pk as rules
from ...domain.errors import InputError
from ...domain.nip import format_nip
from .common import table_item, warning_lines
from .entry_form import EntryFormMixin
from .preview import PreviewMixin
from .versions import VersionsMixin


class PkPage(EntryFormMixin, VersionsMixin, PreviewMixin, QWidget):
    """Version list on the left; tabs Isi PK, Peringatan, Perbandingan versi, Pratinjau & cetak."""

    previewed = Signal(int)  # pages shown, for tests and the status bar

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.current_id: str | None = None
        self._loading = False
        self._stale = False  # a change came while the page was hidden: reload when shown
        self._build()
        context.changed.connect(self._on_changed)
        context.failed.connect(self._on_failed)
        self.reload()

    # -- widgets ------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(split)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(QLabel("<b>Versi Perjanjian Kinerja</b>"))
        self.versions = QListWidget()
        self.versions.currentRowChanged.connect(self._on_select)
        lv.addWidget(self.versions)
        self.btn_new = QPushButton("PK baru dari Renstra && anggaran")
        self.btn_lower = QPushButton("Buat PK eselon III/IV untuk program/kegiatan…")
        self.btn_lower.setToolTip("PK Kepala Bagian/Bidang (program) atau Kepala Sub Bagian/Seksi (kegiatan) "
                                  "dari indikator dan anggaran program/kegiatan itu.")
        self.btn_perubahan = QPushButton("Buat PK Perubahan dari versi ini")
        self.btn_sign = QPushButton("Tandai sudah ditandatangani…")
        self.btn_delete = QPushButton("Hapus draf")
        for b, slot in ((self.btn_new, self._new), (self.btn_lower, self._lower), (self.btn_perubahan, self._perubahan),
                        (self.btn_sign, self._sign), (self.btn_delete, self._delete)):
            b.clicked.connect(slot)
            lv.addWidget(b)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        lv.addWidget(self.message)
        buttons = (self.btn_new, self.btn_lower, self.btn_perubahan, self.btn_sign, self.btn_delete)
        margins = lv.contentsMargins()
        # as narrow as the longest button allows (its text is never cut); the PK gets the rest
        left.setMinimumWidth(max(240, max(b.sizeHint().width() for b in buttons) + margins.left() + margins.right()))
        split.addWidget(left)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_edit(), "Isi PK")
        self.warn_list = QListWidget()
        self.tabs.addTab(self.warn_list, "Peringatan")
        self.tabs.addTab(self._build_diff(), "Perbandingan versi")
        self.tabs.addTab(self._build_preview(), "Pratinjau && cetak")
        self.tabs.currentChanged.connect(lambda i: self.refresh_preview() if i == 3 else None)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 4)
        split.setSizes([240, 960])  # the list needs little; the PK itself gets the room

    # -- state ---------------------------------------------------------------------------------
    @property
    def wb(self):
        return self.context.wb

    def current(self):
        return self.wb.pk_versions.get(self.current_id) if self.current_id else None

    def reload(self) -> None:
        """Rebuild everything from the workbook (after any change)."""
        self._stale = False
        versions = self.wb.pk_list()
        if self.current_id not in self.wb.pk_versions:
            self.current_id = versions[-1].id if versions else None
        self._loading = True
        try:
            self.versions.clear()
            for pk in versions:
                it = QListWidgetItem(("✓ " if pk.ditandatangani else "✎ ") + rules.version_label(pk, self.wb))
                it.setData(Qt.ItemDataRole.UserRole, pk.id)
                self.versions.addItem(it)
                if pk.id == self.current_id:
                    self.versions.setCurrentItem(it)
            for cb in (self.cb_old, self.cb_new):
                keep = cb.currentData()
                cb.clear()
                for n, pk in enumerate(versions, 1):
                    cb.addItem(f"{n}. {rules.version_label(pk, self.wb)}", pk.id)
                idx = cb.findData(keep)
                if idx >= 0:
                    cb.setCurrentIndex(idx)
            if len(versions) >= 2 and self.cb_old.currentData() == self.cb_new.currentData():
                self.cb_old.setCurrentIndex(len(versions) - 2)
                self.cb_new.setCurrentIndex(len(versions) - 1)
        finally:
            self._loading = False
        with QSignalBlocker(self.chk_zero):
            self.chk_zero.setChecked(self.wb.settings.tanggal_nol)
        self.btn_nologo.setEnabled(bool(self.wb.opd.logo))
        self._show_version()
        self.refresh_diff()
        if self.tabs.currentIndex() == 3:
            self.refresh_preview()

    def _show_version(self) -> None:
        pk = self.current()
        self._loading = True
        try:
            locked = pk is None or pk.ditandatangani
            self.btn_perubahan.setEnabled(pk is not None)
            self.btn_sign.setEnabled(pk is not None and not pk.ditandatangani)
            self.btn_delete.setEnabled(pk is not None and not pk.ditandatangani)
            if pk is None:
                self.status.setText("Belum ada Perjanjian Kinerja. Klik \"PK baru dari Renstra & anggaran\".")
            elif pk.ditandatangani:
                self.status.setText("✓ <b>Sudah ditandatangani.</b> Isinya dikunci sebagai catatan apa yang "
                                    "ditandatangani. Untuk perubahan, buat PK Perubahan.")
            else:
                self.status.setText("✎ <b>Draf.</b> Periksa isi dan peringatan, cetak, lalu tandai sudah "
                                    "ditandatangani.")
            self.ed_tempat.setText(pk.tempat if pk else "")
            self.ed_tanggal.setDate(QDate(pk.tanggal.year, pk.tanggal.month, pk.tanggal.day) if pk and pk.tanggal
                                    else QDate())  # no date: the field shows none either
            for name, ed in {**self.p1, **self.p2}.items():
                value = getattr(pk, name) if pk else ""
                if name == "pihak1_nip" and value:
                    try:
                        value = format_nip(value)
                    except InputError:
                        pass
                ed.setText(value)
            self.cb_golongan.setCurrentText(pk.pihak1_golongan if pk else "")
            lower = pk is not None and rules.tingkat_of(self.wb, pk).lower
            detail = [t for t in rules.pihak2_detail(self.wb, pk) if t] if lower else []
            self.lbl_p2_detail.setText(
                ("Dicetak di bawah nama: " + " · ".join(detail) + " (dari PK yang ia tandatangani sebagai pihak "
                 "pertama)") if detail else
                ("Pangkat dan NIP pihak kedua belum tercatat: buat dulu PK-nya sendiri." if lower else ""))
            self.btn_profile.setText("Ambil atasan dari buku kerja" if lower else "Ambil dari profil OPD")
            self.cb_pangkat.setCurrentText(pk.pihak1_pangkat if pk else "")
            self.ed_teks.setPlainText(rules.teks_of(pk) if pk else "")
            for wdg in [self.ed_tempat, self.ed_tanggal, self.cb_golongan, self.cb_pangkat, *self.p1.values(),
                        *self.p2.values(), self.btn_profile, self.btn_refresh, self.btn_teks,
                        self.btn_teks_default]:
                wdg.setEnabled(not locked)
            self.ed_teks.setReadOnly(locked)
            for b in self.findChildren(QPushButton):
                if b.property("pk_row_button"):
                    b.setEnabled(not locked)
            self._fill_tables(pk, not locked)
            self._fill_warnings(pk)
        finally:
            self._loading = False

    def _fill_tables(self, pk, editable: bool) -> None:
        t = self.tbl_sasaran
        rows = self.wb.pk_sasaran_rows(pk.id) if pk else []
        t.setRowCount(len(rows))
        for r, row in enumerate(rows):
            ind = self.wb.indicators.get(row.indicator_id) if row.indicator_id else None
            values = [row.sasaran, row.indikator, row.satuan, rules.target_text(row, ind.jenis if ind else None)]
            for c, text in enumerate(values):
                it = table_item(text, editable, Qt.AlignmentFlag.AlignCenter if c == 3 else None)
                it.setData(Qt.ItemDataRole.UserRole, row.id)
                t.setItem(r, c, it)
        t.resizeRowsToContents()
        perubahan = pk is not None and pk.jenis == "perubahan"
        kol = rules.kolom(rules.tingkat_of(self.wb, pk).eselon if pk else 2)
        self.tbl_sasaran.setHorizontalHeaderLabels([kol.sasaran, kol.indikator, "Satuan", "Target"])
        cols = [kol.anggaran] + (["Anggaran murni (Rp)"] if perubahan else []) + ["Anggaran (Rp)", "Ket."]
        t = self.tbl_program
        t.setColumnCount(len(cols))
        t.setHorizontalHeaderLabels(cols)
        progs = self.wb.pk_program_rows(pk.id) if pk else []
        t.setRowCount(len(progs) + 1)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(progs):
            values = [row.program] + ([rules.angka(row.anggaran_murni)] if perubahan else []) + \
                [rules.angka(row.anggaran), row.keterangan]
            for c, text in enumerate(values):
                it = table_item(text, editable, right if 0 < c < len(values) - 1 else None)
                it.setData(Qt.ItemDataRole.UserRole, row.id)
                t.setItem(r, c, it)
        total = [table_item("Total", False)] + ([table_item(rules.angka(rules.total_murni(progs)), False, right)]
                                           if perubahan else []) + \
            [table_item(rules.angka(rules.total_anggaran(progs)), False, right), table_item("", False)]
        for c, it in enumerate(total):
            f = it.font()
            f.setBold(True)
            it.setFont(f)
            t.setItem(len(progs), c, it)

    def _fill_warnings(self, pk) -> None:
        self.warn_list.clear()
        warnings = rules.consistency(self.wb, self.context.calc, pk.id) if pk else []
        for w in warnings:
            icon = "⛔" if w.level == rules.KESALAHAN else "⚠"
            self.warn_list.addItem(f"{icon} {w.where}: {w.message}")
        if pk and not warnings:
            self.warn_list.addItem("✓ PK ini sesuai dengan Renstra, data anggaran dan profil.")
        self.tabs.setTabText(1, f"Peringatan ({len(warnings)})" if warnings else "Peringatan")
        # the banner names the differences (the first few; the Peringatan tab has them all)
        self.preview_warn.setText(
            f"⚠ {len(warnings)} peringatan: PK ini berbeda dengan buku kerja. Tetap dapat dicetak.\n"
            + "\n".join(warning_lines(warnings, 5)) if warnings else "")
        self.warnings = warnings

    # -- reactions -------------------------------------------------------------------------------
    def _on_changed(self, _changes) -> None:
        self.message.clear()
        if self.isVisible():
            self.reload()
        else:  # a hidden PK page costs an edit elsewhere nothing (a reload is ~1 ms)
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _on_failed(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(text)
        with QSignalBlocker(self.chk_zero):
            self.chk_zero.setChecked(self.wb.settings.tanggal_nol)
        self._show_version()  # put back the stored values

    def _on_select(self, row: int) -> None:
        if self._loading or row < 0:
            return
        self.current_id = self.versions.item(row).data(Qt.ItemDataRole.UserRole)
        self.message.clear()
        self._show_version()
        if self.tabs.currentIndex() == 3:
            self.refresh_preview()

    def _run(self, fn, *args, **kw):
        """Call an edits.pk verb with the context; its InputError shows on the page."""
        try:
            return fn(self.context, *args, **kw)
        except InputError as exc:
            self._on_failed(str(exc))
            return None
