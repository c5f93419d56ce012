"""The "Perjanjian Kinerja" page: versions, editing a draft, signing, PK Perubahan, the
differences between two versions, consistency warnings, preview, print and PDF.

Every edit goes through ``store.pk`` with the context as target, so each is one undo step;
a signed version is shown read-only (the service refuses its edits anyway)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout, QGroupBox, QInputDialog,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
    QPlainTextEdit, QPushButton, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget,
    QVBoxLayout, QWidget,
)

from ..domain import pk as rules
from ..domain.errors import InputError
from ..domain.numbers import parse_rupiah
from ..domain.nip import format_nip
from ..reports.pk_document import PkOptions, document_title, layout, write_pdf
from ..edits import pk as pks
from ..store.ops import CellRef
from .pk_render import page_image, print_pages

LOGO_REF = CellRef("opd", (1,), "logo")  # the Pemda logo lives in the workbook (Profil OPD)
ZERO_REF = CellRef("settings", (1,), "tanggal_nol")
_SASARAN_COLS = [("sasaran", "Sasaran Strategis"), ("indikator", "Indikator Kinerja"), ("satuan", "Satuan"),
                 ("target", "Target")]


def _item(text: str, editable: bool, align=None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    it.setFlags(flags)
    if align is not None:
        it.setTextAlignment(align)
    return it


class _PagesView(QWidget):
    """The preview: the rendered pages one under another on a grey desk."""

    GAP = 16

    def __init__(self):
        super().__init__()
        self.images: list = []

    def set_images(self, images: list) -> None:
        self.images = images
        w = max((i.width() for i in images), default=0) + 2 * self.GAP
        h = sum(i.height() + self.GAP for i in images) + self.GAP
        self.setMinimumSize(w, h)
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#7f7f7f"))
        y = self.GAP
        for img in self.images:
            x = max(self.GAP, (self.width() - img.width()) // 2)
            p.fillRect(x + 4, y + 4, img.width(), img.height(), QColor("#555555"))  # shadow
            p.drawImage(x, y, img)
            y += img.height() + self.GAP
        p.end()


class PkPage(QWidget):
    previewed = Signal(int)  # pages shown, for tests and the status bar

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.current_id: str | None = None
        self._loading = False
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
        left.setMinimumWidth(330)
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

    def _build_edit(self) -> QWidget:
        w = QWidget()
        outer = QVBoxLayout(w)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        v = QVBoxLayout(inner)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)

        top = QHBoxLayout()
        box = QGroupBox("Tempat dan tanggal")
        f = QFormLayout(box)
        self.ed_tempat = QLineEdit()
        self.ed_tempat.editingFinished.connect(lambda: self._set_field("tempat", self.ed_tempat.text().strip()))
        self.ed_tanggal = QDateEdit()
        self.ed_tanggal.setCalendarPopup(True)
        self.ed_tanggal.setDisplayFormat("dd/MM/yyyy")
        self.ed_tanggal.editingFinished.connect(self._tanggal_edited)
        self.ed_tanggal.calendarWidget().clicked.connect(lambda _d: self._tanggal_edited())
        f.addRow("Tempat", self.ed_tempat)
        f.addRow("Tanggal", self.ed_tanggal)
        top.addWidget(box)

        box1 = QGroupBox("Pihak Pertama")
        f1 = QFormLayout(box1)
        self.p1 = {k: QLineEdit() for k in ("pihak1_nama", "pihak1_jabatan", "pihak1_nip")}
        self.cb_golongan = QComboBox()
        self.cb_golongan.setEditable(True)
        self.cb_golongan.addItems([""] + list(rules.PANGKAT))
        self.cb_pangkat = QComboBox()
        self.cb_pangkat.setEditable(True)
        self.cb_pangkat.addItems([""] + list(dict.fromkeys(rules.PANGKAT.values())))
        f1.addRow("Nama", self.p1["pihak1_nama"])
        f1.addRow("Jabatan", self.p1["pihak1_jabatan"])
        f1.addRow("Golongan", self.cb_golongan)
        f1.addRow("Pangkat", self.cb_pangkat)
        f1.addRow("NIP", self.p1["pihak1_nip"])
        self.p1["pihak1_nip"].setPlaceholderText("19661006 198603 1 008")
        top.addWidget(box1)
        box2 = QGroupBox("Pihak Kedua (atasan)")
        f2 = QFormLayout(box2)
        self.p2 = {k: QLineEdit() for k in ("pihak2_nama", "pihak2_jabatan")}
        f2.addRow("Nama", self.p2["pihak2_nama"])
        f2.addRow("Jabatan", self.p2["pihak2_jabatan"])
        self.lbl_p2_detail = QLabel()
        self.lbl_p2_detail.setWordWrap(True)
        self.lbl_p2_detail.setStyleSheet("color: #555")
        f2.addRow(self.lbl_p2_detail)
        self.btn_profile = QPushButton("Ambil dari profil OPD")
        self.btn_profile.clicked.connect(self._from_profile)
        f2.addRow(self.btn_profile)
        top.addWidget(box2)
        v.addLayout(top)
        for name, ed in {**self.p1, **self.p2}.items():
            ed.editingFinished.connect(lambda n=name, e=ed: self._set_text_field(n, e.text()))
        self.cb_golongan.activated.connect(lambda _i: self._golongan_edited())
        self.cb_golongan.lineEdit().editingFinished.connect(self._golongan_edited)
        self.cb_pangkat.activated.connect(lambda _i: self._set_field("pihak1_pangkat", self.cb_pangkat.currentText()))
        self.cb_pangkat.lineEdit().editingFinished.connect(
            lambda: self._set_field("pihak1_pangkat", self.cb_pangkat.currentText().strip()))

        v.addWidget(QLabel("<b>Sasaran, indikator kinerja dan target</b>"))
        self.tbl_sasaran = QTableWidget(0, len(_SASARAN_COLS))
        self.tbl_sasaran.setHorizontalHeaderLabels([c[1] for c in _SASARAN_COLS])
        self.tbl_sasaran.itemChanged.connect(self._sasaran_edited)
        v.addWidget(self.tbl_sasaran)
        v.addLayout(self._row_buttons("pk_sasaran"))
        v.addWidget(QLabel("<b>Program dan anggaran</b>"))
        self.tbl_program = QTableWidget(0, 4)
        self.tbl_program.itemChanged.connect(self._program_edited)
        v.addWidget(self.tbl_program)
        v.addLayout(self._row_buttons("pk_program"))
        for t in (self.tbl_sasaran, self.tbl_program):
            t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            t.setWordWrap(True)
            t.setMinimumHeight(170)
        self.btn_refresh = QPushButton("Samakan target dan anggaran dengan Renstra && data anggaran")
        self.btn_refresh.clicked.connect(self._refresh_rows)
        v.addWidget(self.btn_refresh)

        v.addWidget(QLabel("<b>Teks perjanjian</b> (baris {pihak_pertama} / {pihak_kedua} = blok nama dan "
                           "jabatan; boleh memakai {tahun}, {opd})"))
        self.ed_teks = QPlainTextEdit()
        self.ed_teks.setMinimumHeight(180)
        v.addWidget(self.ed_teks)
        hb = QHBoxLayout()
        self.btn_teks = QPushButton("Simpan teks")
        self.btn_teks.clicked.connect(self._save_teks)
        self.btn_teks_default = QPushButton("Kembalikan teks baku (PermenPANRB 53/2014)")
        self.btn_teks_default.clicked.connect(self._default_teks)
        hb.addWidget(self.btn_teks)
        hb.addWidget(self.btn_teks_default)
        hb.addStretch(1)
        v.addLayout(hb)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        return w

    def _row_buttons(self, table: str) -> QHBoxLayout:
        hb = QHBoxLayout()
        for text, slot in (("Tambah baris", lambda: self._add_row(table)),
                           ("Hapus baris", lambda: self._delete_row(table)),
                           ("Naik", lambda: self._move_row(table, -1)),
                           ("Turun", lambda: self._move_row(table, 1))):
            b = QPushButton(text)
            b.clicked.connect(slot)
            b.setProperty("pk_row_button", True)
            hb.addWidget(b)
        hb.addStretch(1)
        return hb

    def _build_diff(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        hb = QHBoxLayout()
        self.cb_old, self.cb_new = QComboBox(), QComboBox()
        hb.addWidget(QLabel("Bandingkan"))
        hb.addWidget(self.cb_old, 1)
        hb.addWidget(QLabel("dengan"))
        hb.addWidget(self.cb_new, 1)
        v.addLayout(hb)
        self.tbl_diff = QTableWidget(0, 4)
        self.tbl_diff.setHorizontalHeaderLabels(["Bagian", "Uraian", "Semula", "Menjadi"])
        self.tbl_diff.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tbl_diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        v.addWidget(self.tbl_diff)
        self.cb_old.currentIndexChanged.connect(self.refresh_diff)
        self.cb_new.currentIndexChanged.connect(self.refresh_diff)
        return w

    def _build_preview(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        hb = QHBoxLayout()
        self.cb_paper = QComboBox()
        self.cb_paper.addItems(["A4", "F4"])
        self.cb_paper.setCurrentText(self.context.wb.settings.kertas or "A4")
        self.chk_zero = QCheckBox("Tanggal dengan nol (02 Januari)")
        self.chk_zero.setToolTip("Pengaturan buku kerja: berlaku juga untuk cetakan lain.")
        self.chk_zero.setChecked(self.context.wb.settings.tanggal_nol)
        self.chk_terbilang = QCheckBox("Terbilang")
        self.chk_terbilang.setChecked(True)
        self.btn_logo = QPushButton("Logo Pemda…")
        self.btn_logo.setToolTip("Logo disimpan di buku kerja (Profil OPD), PNG atau JPEG maksimal 2 MB.")
        self.btn_logo.clicked.connect(self._choose_logo)
        self.btn_nologo = QPushButton("Hapus logo")
        self.btn_nologo.clicked.connect(lambda: self.set_logo(None))
        self.btn_print = QPushButton("Cetak…")
        self.btn_print.clicked.connect(self._print)
        self.btn_pdf = QPushButton("Simpan PDF…")
        self.btn_pdf.clicked.connect(self._save_pdf_dialog)
        for x in (QLabel("Kertas"), self.cb_paper, self.chk_zero, self.chk_terbilang, self.btn_logo,
                  self.btn_nologo):
            hb.addWidget(x)
        hb.addStretch(1)
        hb.addWidget(self.btn_print)
        hb.addWidget(self.btn_pdf)
        v.addLayout(hb)
        self.preview_warn = QLabel()
        self.preview_warn.setWordWrap(True)
        v.addWidget(self.preview_warn)
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_box = _PagesView()
        self.preview_area.setWidget(self.preview_box)
        v.addWidget(self.preview_area)
        self.cb_paper.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.chk_zero.toggled.connect(self._zero_toggled)
        self.chk_terbilang.toggled.connect(lambda _b: self.refresh_preview())
        return w

    # -- state ---------------------------------------------------------------------------------
    @property
    def wb(self):
        return self.context.wb

    def current(self):
        return self.wb.pk_versions.get(self.current_id) if self.current_id else None

    def reload(self) -> None:
        """Rebuild everything from the workbook (after any change)."""
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
                                    else QDate(self.wb.settings.tahun, 1, 2))
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
                it = _item(text, editable, Qt.AlignmentFlag.AlignCenter if c == 3 else None)
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
                it = _item(text, editable, right if 0 < c < len(values) - 1 else None)
                it.setData(Qt.ItemDataRole.UserRole, row.id)
                t.setItem(r, c, it)
        total = [_item("Total", False)] + ([_item(rules.angka(rules.total_murni(progs)), False, right)]
                                           if perubahan else []) + \
            [_item(rules.angka(rules.total_anggaran(progs)), False, right), _item("", False)]
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
        self.preview_warn.setText(
            f"⚠ {len(warnings)} peringatan: PK ini berbeda dengan buku kerja (lihat tab Peringatan). "
            "Tetap dapat dicetak." if warnings else "")
        self.warnings = warnings

    # -- reactions -------------------------------------------------------------------------------
    def _on_changed(self, _changes) -> None:
        self.message.clear()
        self.reload()

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
        """Call a store.pk function with the context; its InputError shows on the page."""
        try:
            return fn(self.context, *args, **kw)
        except InputError as exc:
            self._on_failed(str(exc))
            return None

    def _set_field(self, field: str, value) -> None:
        pk = self.current()
        if self._loading or pk is None or pk.ditandatangani or getattr(pk, field) == value:
            return
        self._run(pks.set_field, pk.id, field, value)

    def _set_text_field(self, field: str, text: str) -> None:
        pk = self.current()
        if self._loading or pk is None or pk.ditandatangani:
            return
        try:
            value = self.context.service.parse(CellRef("pk_version", (pk.id,), field), text)
        except InputError as exc:
            self._on_failed(str(exc))
            return
        self._set_field(field, value)

    def _tanggal_edited(self) -> None:
        d = self.ed_tanggal.date()
        self._set_field("tanggal", date(d.year(), d.month(), d.day()))

    def _golongan_edited(self) -> None:
        pk = self.current()
        if self._loading or pk is None or pk.ditandatangani:
            return
        gol = self.cb_golongan.currentText().strip()
        values = {"pihak1_golongan": gol}
        if gol in rules.PANGKAT:  # the pangkat follows the golongan
            values["pihak1_pangkat"] = rules.PANGKAT[gol]
        self._run(pks.set_fields, pk.id, values)

    def _from_profile(self) -> None:
        if self.current():
            self._run(pks.parties_from_profile, self.current_id)

    def _save_teks(self) -> None:
        pk = self.current()
        if pk is None:
            return
        text = self.ed_teks.toPlainText().strip()
        self._set_field("teks", "" if text == rules.DEFAULT_TEKS.strip() else text)

    def _default_teks(self) -> None:
        self._set_field("teks", "")
        self.ed_teks.setPlainText(rules.DEFAULT_TEKS)

    def _sasaran_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row_id = item.data(Qt.ItemDataRole.UserRole)
        field = _SASARAN_COLS[item.column()][0]
        value = item.text().strip()
        if field == "target":
            row = self.wb.pk_sasaran.get(row_id)
            ind = self.wb.indicators.get(row.indicator_id) if row and row.indicator_id else None
            value = rules.parse_target(value, ind.jenis if ind else "angka")
        self._run(pks.set_row, "pk_sasaran", row_id, field, value)

    def _program_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row_id = item.data(Qt.ItemDataRole.UserRole)
        if row_id is None:
            return
        pk = self.current()
        fields = ["program"] + (["anggaran_murni"] if pk.jenis == "perubahan" else []) + ["anggaran", "keterangan"]
        field = fields[item.column()]
        value = item.text().strip()
        if field.startswith("anggaran"):
            try:
                value = parse_rupiah(value) if value and value != "-" else 0
            except InputError as exc:
                self._on_failed(str(exc))
                return
        self._run(pks.set_row, "pk_program", row_id, field, value)

    def _selected_row_id(self, table: str) -> str | None:
        t = self.tbl_sasaran if table == "pk_sasaran" else self.tbl_program
        it = t.item(t.currentRow(), 0) if t.currentRow() >= 0 else None
        return it.data(Qt.ItemDataRole.UserRole) if it else None

    def _add_row(self, table: str) -> None:
        if self.current_id:
            self._run(pks.add_sasaran_row if table == "pk_sasaran" else pks.add_program_row, self.current_id)

    def _delete_row(self, table: str) -> None:
        rid = self._selected_row_id(table)
        if rid:
            self._run(pks.delete_row, table, rid)

    def _move_row(self, table: str, step: int) -> None:
        rid = self._selected_row_id(table)
        if rid:
            self._run(pks.move_row, table, rid, step)

    def _refresh_rows(self) -> None:
        if self.current_id:
            self._run(pks.refresh_from_workbook, self.current_id)

    # -- version actions ----------------------------------------------------------------------------
    def new_version(self, jenis: str = "murni") -> str | None:
        res = self._run(pks.create_version, jenis)
        if res and res[1] is not None:
            self.current_id = res[0]
            self.reload()
            return res[0]
        return None

    def _new(self) -> None:
        self.new_version("perubahan" if pks.opd_versions(self.wb) else "murni")

    def lower_units(self) -> list[tuple[str, str]]:
        """(label, item id) of every program and kegiatan a lower-level PK can be made for."""
        out = []
        for item, depth in self.wb.walk_budget():
            if item.level in ("program", "kegiatan") and (self.wb.indicators_of(item.id) or
                                                           self.wb.children(item.id)):
                kind = "Program (eselon III)" if item.level == "program" else "Kegiatan (eselon IV)"
                out.append((f"{'    ' * depth}{kind}: {item.kode} {item.nama}".rstrip(), item.id))
        return out

    def new_lower(self, unit_id: str, jenis: str | None = None) -> str | None:
        """A PK eselon III (program) or IV (kegiatan); a PK Perubahan when the unit has one."""
        if jenis is None:
            have = [v for v in self.wb.pk_list() if rules.tingkat_of(self.wb, v).unit_id == unit_id]
            jenis = "perubahan" if have else "murni"
        res = self._run(pks.create_version, jenis, unit_id=unit_id)
        if res and res[1] is not None:
            self.current_id = res[0]
            self.reload()
            self.message.setStyleSheet("color: #1b5e20")
            self.message.setText("Isi nama, jabatan, pangkat/golongan dan NIP pihak pertama.")
            return res[0]
        return None

    def _lower(self) -> None:
        units = self.lower_units()
        if not units:
            self._on_failed("Belum ada program/kegiatan dengan indikator atau rincian anggaran.")
            return
        label, ok = QInputDialog.getItem(self, "PK eselon III/IV", "Buat PK untuk:", [u[0] for u in units], 0,
                                         False)
        if ok:
            self.new_lower(dict(units)[label])

    def make_perubahan(self) -> str | None:
        if not self.current_id:
            return None
        res = self._run(pks.create_perubahan, self.current_id)
        if res and res[1] is not None:
            self.current_id = res[0]
            self.reload()
            return res[0]
        return None

    def _perubahan(self) -> None:
        self.make_perubahan()

    def sign_current(self) -> bool:
        """Mark the shown version signed. Deliberately NOT an undo step: the lock refuses the
        inverse (what was signed stays on record), so the edit goes to the service directly and
        the pages are told; the user's other undo steps stay. A version signed by mistake is
        corrected by a PK Perubahan. Undo steps made earlier on this version's draft are
        refused by the lock when reached (with the lock's message) and dropped."""
        pk = self.current()
        if pk is None:
            return False
        try:
            changes = pks.sign(self.context.service, pk.id)
        except InputError as exc:
            self._on_failed(str(exc))
            return False
        if changes is not None:
            self.context.notify(changes)
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(f"{rules.version_label(self.wb.pk_versions[pk.id], self.wb)}: dikunci.")
        return True

    def _sign(self) -> None:
        pk = self.current()
        if pk is None:
            return
        problems = rules.sign_problems(self.wb, pk.id)
        if problems:  # say what is missing before asking
            self._on_failed("Belum dapat ditandai ditandatangani: " + "; ".join(problems) + ".")
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Tandai sudah ditandatangani",
                          f"<b>{rules.version_label(pk, self.wb)}</b><br><br>Sesudah ditandai, isi PK ini "
                          "dikunci sebagai catatan apa yang ditandatangani.<br><br><b>Langkah ini tidak dapat dibatalkan "
                          "(Urungkan/Ctrl+Z tidak berlaku).</b> Bila ternyata keliru, buat PK Perubahan.",
                          QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton("Tandai ditandatangani", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton("Batal", QMessageBox.ButtonRole.RejectRole))
        box.exec()
        if box.clickedButton() is yes:
            self.sign_current()

    def _delete(self) -> None:
        pk = self.current()
        if pk is None:
            return
        if QMessageBox.question(self, "Hapus draf", f"Hapus {rules.version_label(pk, self.wb)}?") == \
                QMessageBox.StandardButton.Yes:
            self._run(pks.delete_version, pk.id)

    # -- diff --------------------------------------------------------------------------------------
    def refresh_diff(self) -> None:
        if self._loading:
            return
        a, b = self.cb_old.currentData(), self.cb_new.currentData()
        entries = rules.diff(self.wb, a, b) if a and b and a in self.wb.pk_versions and \
            b in self.wb.pk_versions else []
        self.tbl_diff.setRowCount(len(entries))
        for r, e in enumerate(entries):
            for c, text in enumerate((e.bagian, e.uraian, e.lama, e.baru)):
                self.tbl_diff.setItem(r, c, _item(text, False))
        self.tbl_diff.resizeRowsToContents()

    # -- preview, print, PDF -----------------------------------------------------------------------------
    def options(self) -> PkOptions:
        """Paper and terbilang are per print; the logo and the date style come from the workbook."""
        return PkOptions(paper=self.cb_paper.currentText(), terbilang=self.chk_terbilang.isChecked())

    def pages(self):
        return layout(self.wb, self.current_id, self.options()) if self.current_id else []

    def refresh_preview(self) -> int:
        try:
            pages = self.pages()
        except InputError as exc:
            self._on_failed(str(exc))
            pages = []
        self.preview_box.set_images([page_image(page, dpi=90) for page in pages])
        self.previewed.emit(len(pages))
        return len(pages)

    def set_logo(self, path: str | Path | None) -> bool:
        """Store the Pemda logo (an image file) in the workbook, or remove it (None): one undo
        step, refused with a message when the file is not a PNG/JPEG of at most 2 MB."""
        data = None
        if path:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                self._on_failed(f"Logo tidak dapat dibaca: {Path(path).name} ({exc.strerror})")
                return False
        if data == self.wb.opd.logo:
            return True
        label = "Ganti logo Pemda" if data else "Hapus logo Pemda"
        return self.context.set_cell(LOGO_REF, data, label) is not None

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pilih logo Pemda", "", "Gambar (*.png *.jpg *.jpeg)")
        if path:
            self.set_logo(path)

    def _zero_toggled(self, on: bool) -> None:
        if on != self.wb.settings.tanggal_nol:
            self.context.set_cell(ZERO_REF, on, "Ubah format tanggal cetak")

    def _go_ahead_despite_warnings(self) -> bool:
        pk = self.current()
        warnings = rules.consistency(self.wb, self.context.calc, pk.id) if pk else []
        if not warnings:
            return True
        listed = "\n".join(f"• {w.where}: {w.message}" for w in warnings[:8])
        more = f"\n… dan {len(warnings) - 8} lainnya" if len(warnings) > 8 else ""
        return QMessageBox.warning(
            self, "Periksa sebelum mencetak", f"PK ini berbeda dengan buku kerja:\n\n{listed}{more}\n\nTetap lanjutkan?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def save_pdf(self, path: str | Path) -> Path:
        """Write the shown version as PDF (no dialogs)."""
        pk = self.current()
        if pk is None:
            raise InputError("Pilih versi PK terlebih dahulu.")
        write_pdf(self.pages(), path, title=document_title(self.wb, pk), author=self.wb.opd.nama)
        return Path(path)

    def _save_pdf_dialog(self) -> None:
        pk = self.current()
        if pk is None or not self._go_ahead_despite_warnings():
            return
        name = f"{rules.judul(pk, self.wb.settings.tahun).title().replace(' ', '_')}.pdf"
        start = str(self.context.service.path.parent / name) if self.context.service.path else name
        path, _ = QFileDialog.getSaveFileName(self, "Simpan PDF", start, "PDF (*.pdf)")
        if not path:
            return
        try:
            self.save_pdf(path)
        except (InputError, OSError) as exc:
            QMessageBox.warning(self, "PDF tidak tersimpan", str(exc))
            return
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(f"PDF tersimpan: {path}")

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.current() is None or not self._go_ahead_despite_warnings():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            print_pages(printer, self.pages())
        except InputError as exc:
            QMessageBox.warning(self, "Tidak dapat mencetak", str(exc))
