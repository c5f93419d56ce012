"""The "Isi PK" tab of the PK page: the draft's fields and its sasaran/program tables,
each edit one ``edits.pk`` call (one undo step)."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import pk as rules
from ...edits import pk as pks
from .common import SASARAN_COLS
from .date_field import DateField, to_date


class EntryFormMixin:
    """Builds the entry tab and stores its edits (mixed into PkPage)."""

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
        self.ed_tanggal = DateField()
        self.ed_tanggal.editingFinished.connect(self._tanggal_edited)
        self.ed_tanggal.invalid.connect(self._on_failed)
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
        self.tbl_sasaran = QTableWidget(0, len(SASARAN_COLS))
        self.tbl_sasaran.setHorizontalHeaderLabels([c[1] for c in SASARAN_COLS])
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

        teks_help = QLabel("<b>Teks perjanjian</b> (baris {pihak_pertama} / {pihak_kedua} = blok nama dan "
                           "jabatan; boleh memakai {tahun}, {opd})")
        teks_help.setWordWrap(True)
        v.addWidget(teks_help)
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

    def _set_field(self, field: str, value) -> None:
        pk = self.current()
        if self._loading or pk is None or pk.ditandatangani or getattr(pk, field) == value:
            return
        self._run(pks.set_field, pk.id, field, value)

    def _set_text_field(self, field: str, text: str) -> None:
        pk = self.current()
        if self._loading or pk is None or pk.ditandatangani:
            return
        self._run(pks.set_field_text, pk.id, field, text)

    def _tanggal_edited(self) -> None:
        self._set_field("tanggal", to_date(self.ed_tanggal.date()))

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
        field = SASARAN_COLS[item.column()][0]
        self._run(pks.set_row_text, "pk_sasaran", row_id, field, item.text())

    def _program_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row_id = item.data(Qt.ItemDataRole.UserRole)
        if row_id is None:
            return
        pk = self.current()
        fields = ["program"] + (["anggaran_murni"] if pk.jenis == "perubahan" else []) + ["anggaran", "keterangan"]
        self._run(pks.set_row_text, "pk_program", row_id, fields[item.column()], item.text())

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
