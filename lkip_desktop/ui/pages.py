"""The pages of the main window, one per step of the work. Each takes the workbook context,
refreshes itself on ``context.changed`` and can ``locate`` a stored cell (Reviu jumps)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSize, QTimer, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import model as M
from ..domain.errors import FormulaError
from ..domain.formula.evaluation import evaluate
from ..domain.formula.parser import parse_formula
from ..domain.formula.worked_text import worked
from ..domain.numbers import format_number
from ..domain.rating import SCALES
from ..store.kinds import MAX_IMAGE_BYTES
from ..store.schema import TABLES
from ..store.ops import CellRef, DeleteOp, InsertOp, SetOp
from . import fmt, work
from .forms import load_form
from .grid import GridView
from .models_anggaran import BudgetModel, LinksModel, QuarterModel
from .models_kinerja import CapaianModel, KomponenModel, RealisasiModel, RenstraModel
from .models_lain import HistoryModel, PrestasiModel, ReviuModel

ERROR_STYLE = "color: #b42318;"
BIG_ROWS = 20000  # budget items + indicators above which long work goes to a worker thread


def is_big(wb) -> bool:
    return len(wb.items) + len(wb.indicators) > BIG_ROWS

OK_STYLE = "color: #1d6b3a;"


def _button(text: str, slot, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    if tip:
        b.setToolTip(tip)
    return b


def _next_urut(objs) -> int:
    return max((o.urut for o in objs), default=0) + 1


def move_ops(table: str, siblings: list, obj_id: str, step: int) -> list:
    """SetOps moving ``obj_id`` one place up (-1) or down (+1) among ``siblings`` (in shown
    order): the two ``urut`` values swapped, or the siblings renumbered when they tie."""
    ids = [o.id for o in siblings]
    if obj_id not in ids:
        return []
    i = ids.index(obj_id)
    j = i + step
    if not 0 <= j < len(ids):
        return []
    a, b = siblings[i], siblings[j]
    if a.urut != b.urut:
        return [SetOp(CellRef(table, (a.id,), "urut"), b.urut), SetOp(CellRef(table, (b.id,), "urut"), a.urut)]
    order = list(siblings)
    order[i], order[j] = order[j], order[i]
    return [SetOp(CellRef(table, (o.id,), "urut"), n) for n, o in enumerate(order, start=1) if o.urut != n]


def confirm_delete(parent, title: str, text: str) -> bool:
    """Ask before deleting a row that takes others with it (tests replace this function)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton("Hapus", QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    ok = box.clickedButton() is yes
    box.deleteLater()
    return ok


def _plural(n: int, what: str) -> str:
    return f"{n} {what}"


class Page(QWidget):
    """Base: a title, the context, the grids it shows (for Edit menu actions and history)."""

    title = ""
    message = Signal(str)
    views_added = Signal(object)  # a GridView built after the page (lazy tabs)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.views: list[GridView] = []

    def add_view(self, view: GridView, model) -> GridView:
        view.setModel(model)
        view.expandAll()
        view.message.connect(self.message)
        self.views.append(view)
        return view

    def locate(self, table: str, key: tuple, field: str | None) -> bool:
        return False

    def on_shown(self) -> None:
        pass

    # Row actions (Sunting menu: Tambah/Hapus/Naik/Turun); pages with rows override them.
    can_edit_rows = False

    def row_add(self) -> None:
        pass

    def row_delete(self) -> None:
        pass

    def row_move(self, step: int) -> bool:
        return False

    def _move(self, view: GridView, table: str, siblings: list, obj_id: str, step: int, what: str) -> bool:
        ops = move_ops(table, siblings, obj_id, step)
        if not ops:
            self.message.emit(f"{what} sudah di {'atas' if step < 0 else 'bawah'}.")
            return False
        col = max(view.currentIndex().column(), 0)
        if self.context.apply(ops, f"{'Naikkan' if step < 0 else 'Turunkan'} {what.lower()}") is None:
            return False
        node = view.model().find((table, obj_id))
        if node is not None:
            view.select_cell(node, col)
        return True

    def _locate_in(self, view: GridView, dep: tuple, ref: CellRef | None, fallback_col: int = 0) -> bool:
        model = view.model()
        node = model.find(dep)
        if node is None:
            return False
        col = model.column_for(node, ref) if ref is not None else None
        view.select_cell(node, fallback_col if col is None else col)
        return True


# -- Profil OPD (form from forms/profil_opd.ui) --------------------------------------------------

SETTING_CHOICES = {
    "polaritas_negatif": [("linear", "Linear: (2·T − R) ÷ T × 100"), ("ratio", "Rasio: T ÷ R × 100")],
    "target_nol": [("none", "Tidak dihitung (\"-\")"), ("practice", "Menurut kebiasaan (100 bila realisasi 0)")],
    "predikat_beda": [("rank", "Menurut peringkat"), ("binary", "Tercapai / tidak (100 atau 0)")],
    "efisiensi": [("E1", "E1: capaian − serapan"), ("E2", "E2: sisa anggaran (100 − serapan)"),
                  ("E3", "E3: capaian ÷ serapan × 100")],
    "skala": [(k, s.name) for k, s in SCALES.items() if k in ("d86", "lokal7")],
    "rata_rata": [("iku", "Rata-rata semua IKU"), ("sasaran", "Rata-rata per sasaran")],
    "kertas": [("A4", "A4"), ("F4", "F4 (Folio)")],
}


# A short explanation under each setting (and its tooltip): what it changes, in the users' words.
SETTING_HELP = {
    "tahun": "Tahun anggaran yang dilaporkan; menentukan kolom target dan realisasi yang dipakai.",
    "renstra_awal": "Tahun pertama periode Renstra (kolom target per tahun di halaman Renstra).",
    "renstra_akhir": "Tahun terakhir Renstra; targetnya menjadi target akhir Renstra di laporan.",
    "polaritas_negatif": "Untuk indikator yang makin rendah makin baik. Linear: capaian turun sebanding "
                         "selisihnya; rasio: target dibagi realisasi.",
    "batas_bawah_nol": "Bila dicentang, capaian polaritas negatif tidak pernah di bawah 0.",
    "batas_capaian": "Kosongkan bila capaian tidak dibatasi (laporan contoh mencetak di atas 100). "
                     "Isi mis. 100 atau 120 bila capaian dipotong pada batas itu.",
    "target_nol": "Bila target 0: capaian tidak dihitung (\"-\"), atau menurut kebiasaan 100 bila "
                  "realisasinya 0.",
    "predikat_beda": "Indikator berupa predikat (AA…D) yang berbeda dari target: dihitung menurut "
                     "peringkatnya, atau hanya tercapai (100) / tidak (0).",
    "efisiensi": "E1 = capaian − serapan (bawaan, seperti laporan contoh); E2 = sisa anggaran "
                 "(100 − serapan); E3 = capaian ÷ serapan × 100.",
    "skala": "Tabel peringkat dan warna capaian yang dipakai di layar dan laporan.",
    "rata_rata": "Rata-rata capaian OPD: rata-rata semua IKU, atau rata-rata dari rata-rata tiap sasaran.",
    "perubahan_berlaku": "Bila dicentang, serapan dan anggaran PK memakai pagu perubahan (APBD-P); bila "
                         "tidak, pagu murni.",
    "capaian_wajar_maks": "Reviu memperingatkan capaian di atas angka ini (kemungkinan salah ketik).",
    "kertas": "Ukuran kertas laporan dan Perjanjian Kinerja (F4 = Folio, 215 × 330 mm).",
    "tanggal_nol": "Dicentang: tanggal dicetak \"02 Januari 2024\" seperti laporan contoh; tidak: "
                   "\"2 Januari 2024\".",
}


def ask_logo_path(parent) -> str | None:
    """The image file the user picked (tests replace this function)."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, "Pilih logo Pemda", "", "Gambar PNG atau JPEG (*.png *.jpg *.jpeg)")
    return path or None


class ProfilPage(Page):
    title = "Profil OPD"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        form = load_form("profil_opd", self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)
        self.form = form
        self.pesan: QLabel = form.findChild(QLabel, "pesan")
        self.fields: dict[tuple[str, str], QWidget] = {}
        for table in ("opd", "settings"):
            for field in TABLES[table].fields:
                w = form.findChild(QWidget, f"{table}_{field}")
                if w is None:
                    continue
                self.fields[(table, field)] = w
                if isinstance(w, QComboBox):
                    for value, label in SETTING_CHOICES.get(field, []):
                        w.addItem(label, value)
                    w.activated.connect(lambda _i, t=table, f=field: self._commit(t, f))
                elif isinstance(w, QCheckBox):
                    w.toggled.connect(lambda _on, t=table, f=field: self._commit(t, f))
                elif isinstance(w, QLineEdit):
                    w.editingFinished.connect(lambda t=table, f=field: self._commit(t, f))
        self._add_help()
        self.logo_view: QLabel = form.findChild(QLabel, "logo_pratinjau")
        self.logo_pick: QPushButton = form.findChild(QPushButton, "logo_pilih")
        self.logo_clear: QPushButton = form.findChild(QPushButton, "logo_hapus")
        self.logo_pick.clicked.connect(self.choose_logo)
        self.logo_clear.clicked.connect(self.clear_logo)
        self._loading = False
        self.load()
        context.changed.connect(self._changed)

    def _add_help(self) -> None:
        """A grey line under each setting saying what it changes (bottom-up keeps rows valid)."""
        layout = self.form.findChild(QFormLayout, "formPengaturan")
        placed = []
        for field, text in SETTING_HELP.items():
            w = self.fields.get(("settings", field))
            if w is None or layout is None:
                continue
            w.setToolTip(text)
            row, _role = layout.getWidgetPosition(w)
            if row >= 0:
                placed.append((row, field, text))
        self.help_labels: dict[str, QLabel] = {}
        for row, field, text in sorted(placed, reverse=True):
            lab = QLabel(text)
            lab.setWordWrap(True)
            lab.setStyleSheet("color: #555; font-size: 9pt;")
            layout.insertRow(row + 1, "", lab)
            self.help_labels[field] = lab

    def show_logo(self) -> None:
        data = self.context.wb.opd.logo
        pix = QPixmap()
        if data and pix.loadFromData(bytes(data)):
            size = self.logo_view.size() - QSize(6, 6)
            self.logo_view.setPixmap(pix.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation))
            self.logo_view.setToolTip(f"Logo tersimpan ({len(data) // 1024 or 1} KB)")
        else:
            self.logo_view.setPixmap(QPixmap())
            self.logo_view.setText("(belum ada)" if not data else "(tidak dapat ditampilkan)")
            self.logo_view.setToolTip("")
        ro = self.context.service.readonly
        self.logo_pick.setEnabled(not ro)
        self.logo_clear.setEnabled(bool(data) and not ro)

    def choose_logo(self) -> bool:
        path = ask_logo_path(self)
        if not path:
            return False
        try:
            size = Path(path).stat().st_size
            if size > MAX_IMAGE_BYTES:  # do not read a huge file only to have it refused
                self._error(f"Logo terlalu besar ({size / 1048576:.1f} MB); paling besar 2 MB.".replace(".", ","))
                return False
            data = Path(path).read_bytes()
        except OSError as exc:
            self._error(f"Berkas logo tidak dapat dibaca: {exc}")
            return False
        refused: list[str] = []

        def note(text: str) -> None:
            refused.append(text)

        self.context.failed.connect(note)
        try:
            ch = self.context.set_cell(CellRef("opd", (1,), "logo"), data, "Ganti logo Pemda")
        finally:
            self.context.failed.disconnect(note)
        if ch is None:
            self._error(refused[-1] if refused else "Logo tidak tersimpan.")
            return False
        self.pesan.setText("")
        return True

    def clear_logo(self) -> bool:
        if self.context.wb.opd.logo is None:
            return False
        return self.context.set_cell(CellRef("opd", (1,), "logo"), None, "Hapus logo Pemda") is not None

    def _stored_text(self, table: str, field: str) -> str:
        obj = self.context.wb.opd if table == "opd" else self.context.wb.settings
        v = getattr(obj, field)
        if isinstance(v, Decimal):
            return format_number(v, None)
        if isinstance(v, int) and not isinstance(v, bool):
            return str(v)
        return "" if v is None else str(v)

    def load(self) -> None:
        self._loading = True
        try:
            for (table, field), w in self.fields.items():
                obj = self.context.wb.opd if table == "opd" else self.context.wb.settings
                v = getattr(obj, field)
                if isinstance(w, QComboBox):
                    w.setCurrentIndex(max(w.findData(v), 0))
                elif isinstance(w, QCheckBox):
                    w.setChecked(bool(v))
                elif isinstance(w, QLineEdit):
                    w.setText(self._stored_text(table, field))
                    w.setReadOnly(self.context.service.readonly)
            self.show_logo()
        finally:
            self._loading = False

    def _commit(self, table: str, field: str) -> None:
        if self._loading:
            return
        w = self.fields[(table, field)]
        ref = CellRef(table, (1,), field)
        if isinstance(w, QComboBox):
            value = w.currentData()
            if value != getattr(self.context.wb.settings, field):
                self.context.set_cell(ref, value, f"Ubah {w.currentText()}")
            return
        if isinstance(w, QCheckBox):
            if w.isChecked() != getattr(self.context.wb.settings, field):
                self.context.set_cell(ref, w.isChecked(), "Ubah pengaturan")
            return
        text = w.text()
        if text == self._stored_text(table, field):
            return
        if field == "renstra_awal" or field == "renstra_akhir" or field == "tahun":
            try:
                value = int(text.strip())
            except ValueError:
                self._error(f"'{text}' bukan tahun yang sah.")
                return
            s = self.context.wb.settings
            awal = value if field == "renstra_awal" else s.renstra_awal
            akhir = value if field == "renstra_akhir" else s.renstra_akhir
            if akhir < awal:
                self._error("Tahun akhir Renstra harus sesudah tahun awal.")
                return
        try:
            self.context.service.parse(ref, text)
        except Exception as exc:  # noqa: BLE001 - InputError: message for the user
            self._error(str(exc))
            w.setStyleSheet("background: #fde2e1;")
            return
        w.setStyleSheet("")
        label = self.form.findChild(QLabel, f"label_{table}_{field}")
        name = label.text().rstrip(":") if label else field
        if self.context.set_text(ref, text, f"Ubah {name}") is not None:
            self.pesan.setText("")

    def _error(self, text: str) -> None:
        self.pesan.setStyleSheet(ERROR_STYLE)
        self.pesan.setText(text)
        self.message.emit(text)

    def _changed(self, ch) -> None:
        if ch.everything or any(r.table in ("opd", "settings") for r in ch.cells):
            self.load()

    def locate(self, table, key, field):
        w = self.fields.get((table, field or ""))
        if w is None and table in ("opd", "settings"):
            w = next(iter(self.fields.values()))
        if w is None:
            return False
        w.setFocus()
        return True


# -- Renstra & IKU with the composite indicator editor -------------------------------------------

class KomponenEditor(QGroupBox):
    """Formula over komponen, their values for the year, and the live result: the worked
    computation or the error while typing, before anything is stored."""

    def __init__(self, context, parent=None):
        super().__init__("Indikator komposit (komponen dan rumus)", parent)
        self.context = context
        self.ind_id: str | None = None
        self.nama = QLabel("Pilih sebuah indikator di tabel.")
        self.nama.setWordWrap(True)
        self.rumus_teks = QLineEdit()
        self.rumus_teks.setPlaceholderText("Rumus seperti tercetak di Renstra (teks)")
        self.rumus = QLineEdit()
        self.rumus.setPlaceholderText("mis. jumlah_ikk_meningkat / jumlah_ikk * 100")
        self.hasil = QLabel()
        self.hasil.setWordWrap(True)
        self.hasil.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = KomponenModel(context, self)
        self.view = GridView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.baru_nama = QLineEdit()
        self.baru_nama.setPlaceholderText("nama_komponen")
        self.baru_nilai = QLineEdit()
        self.baru_nilai.setPlaceholderText("nilai")
        tambah = _button("&Tambah komponen", self.add_komponen)
        hapus = _button("Hapus komponen", self.remove_komponen)
        self.alasan = QLineEdit()
        self.alasan.setPlaceholderText("Alasan pemilihan indikator")

        lay = QGridLayout(self)
        lay.addWidget(self.nama, 0, 0, 1, 3)
        lay.addWidget(QLabel("Rumus (teks):"), 1, 0)
        lay.addWidget(self.rumus_teks, 1, 1, 1, 2)
        lay.addWidget(QLabel("Alasan:"), 2, 0)
        lay.addWidget(self.alasan, 2, 1, 1, 2)
        lbl = QLabel("Rumus &komponen:")
        lbl.setBuddy(self.rumus)
        lay.addWidget(lbl, 3, 0)
        lay.addWidget(self.rumus, 3, 1, 1, 2)
        lay.addWidget(self.hasil, 4, 0, 1, 3)
        lay.addWidget(self.view, 5, 0, 1, 3)
        lay.addWidget(self.baru_nama, 6, 0)
        lay.addWidget(self.baru_nilai, 6, 1)
        lay.addWidget(tambah, 6, 2)
        lay.addWidget(hapus, 7, 2)
        lay.setRowStretch(5, 1)

        self.rumus.textEdited.connect(self.preview)
        self.rumus.editingFinished.connect(self.commit_formula)
        self.rumus_teks.editingFinished.connect(lambda: self._commit_text("rumus", self.rumus_teks))
        self.alasan.editingFinished.connect(lambda: self._commit_text("alasan", self.alasan))
        self.baru_nilai.returnPressed.connect(self.add_komponen)
        context.changed.connect(self._changed)
        self.set_indicator(None)

    @property
    def tahun(self) -> int:
        return self.context.wb.settings.tahun

    def set_indicator(self, ind_id: str | None) -> None:
        wb = self.context.wb
        self.ind_id = ind_id if ind_id in wb.indicators else None
        self.model.set_indicator(self.ind_id)
        enabled = self.ind_id is not None and not self.context.service.readonly
        for w in (self.rumus, self.rumus_teks, self.alasan, self.baru_nama, self.baru_nilai, self.view):
            w.setEnabled(enabled)
        if self.ind_id is None:
            self.nama.setText("Pilih sebuah indikator di tabel untuk mengisi komponen dan rumusnya.")
            self.rumus.setText("")
            self.rumus_teks.setText("")
            self.alasan.setText("")
            self.hasil.setText("")
            return
        ind = wb.indicators[self.ind_id]
        self.nama.setText(f"<b>{ind.nama}</b> ({ind.satuan or 'tanpa satuan'}) – komponen tahun {self.tahun}")
        for w, text in ((self.rumus, ind.rumus_komponen), (self.rumus_teks, ind.rumus), (self.alasan, ind.alasan)):
            w.setText(text)
            w.setCursorPosition(0)
        self.preview()

    def _values(self) -> dict:
        ind = self.context.wb.indicators[self.ind_id]
        return dict(ind.komponen.get(self.tahun, {}))

    def preview(self, _text: str | None = None) -> None:
        """Evaluate the formula as typed (not stored yet) with the stored komponen."""
        if self.ind_id is None:
            return
        text = self.rumus.text().strip()
        ind = self.context.wb.indicators[self.ind_id]
        if not text:
            typed = fmt.typed(ind.typed_realisasi(self.tahun))
            self._show(f"Tanpa rumus: realisasi {self.tahun} diketik langsung ({typed}).", ok=True)
            return
        values = self._values()
        try:
            f = parse_formula(text)
            missing = [n for n in f.names if n not in values]
            if missing:
                self._show("Komponen belum diisi: " + ", ".join(missing), ok=False)
                return
            result = evaluate(f, values)
            steps = worked(f, values, places=ind.desimal)
        except FormulaError as exc:
            self._show(f"Rumus tidak dapat dihitung: {exc}", ok=False)
            return
        cap = self.context.calc.indicator(self.ind_id).capaian
        extra = f" · capaian {fmt.pct(cap.value)}%" if text == ind.rumus_komponen else ""
        self._show(f"Hasil: {format_number(result, ind.desimal)}   ({steps}){extra}", ok=True)

    def _show(self, text: str, ok: bool) -> None:
        self.hasil.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.hasil.setText(text)

    def commit_formula(self) -> None:
        if self.ind_id is None:
            return
        text = self.rumus.text().strip()
        ind = self.context.wb.indicators[self.ind_id]
        if text == ind.rumus_komponen:
            return
        ref = CellRef("indicator", (self.ind_id,), "rumus_komponen")
        self.context.set_text(ref, text, "Ubah rumus komponen")
        self.preview()

    def _commit_text(self, field: str, w: QLineEdit) -> None:
        if self.ind_id is None:
            return
        if w.text() != getattr(self.context.wb.indicators[self.ind_id], field):
            self.context.set_text(CellRef("indicator", (self.ind_id,), field), w.text(), f"Ubah {field}")

    def add_komponen(self) -> None:
        if self.ind_id is None:
            return
        name = self.baru_nama.text().strip()
        if not name:
            self._show("Isi nama komponen dahulu.", ok=False)
            self.baru_nama.setFocus()
            return
        if name in self._values():
            self._show(f"Komponen '{name}' sudah ada.", ok=False)
            return
        ref = self.model.value_ref(name)
        if self.context.set_text(ref, self.baru_nilai.text() or "0", "Tambah komponen") is not None:
            self.baru_nama.clear()
            self.baru_nilai.clear()
            self.baru_nama.setFocus()

    def remove_komponen(self) -> None:
        idx = self.view.currentIndex()
        if self.ind_id is None or not idx.isValid():
            return
        name = self.model.node(idx).id
        self.context.set_cell(self.model.value_ref(name), None, "Hapus komponen")

    def _changed(self, ch) -> None:
        if self.ind_id is not None and (self.ind_id in ch.indicators or ch.everything):
            if self.ind_id not in self.context.wb.indicators:
                self.set_indicator(None)
                return
            ind = self.context.wb.indicators[self.ind_id]
            if not self.rumus.hasFocus():
                self.rumus.setText(ind.rumus_komponen)
            self.preview()


class RenstraPage(Page):
    title = "Renstra & IKU"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = RenstraModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.editor = KomponenEditor(context, self)
        bar = QHBoxLayout()
        for text, slot, tip in [
            ("Tambah &tujuan", self.add_tujuan, ""),
            ("Tambah &sasaran", self.add_sasaran, "Di bawah tujuan yang dipilih"),
            ("Tambah &indikator", self.add_indicator, "Di bawah tujuan/sasaran yang dipilih"),
            ("&Hapus baris", self.delete_row, "Hapus baris yang dipilih beserta isinya (dapat diurungkan)"),
        ]:
            bar.addWidget(_button(text, slot, tip))
        bar.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([1150, 450])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        self.view.selectionModel().currentChanged.connect(self._current)
        self.model.modelReset.connect(lambda: self.editor.set_indicator(self.editor.ind_id))

    def on_shown(self) -> None:
        # Start on the first IKU, so the komponen editor shows something useful.
        if not self.view.currentIndex().isValid():
            iku = self.context.wb.iku_list()
            if iku:
                self._locate_in(self.view, ("indicator", iku[0].id), None, 1)

    def _selected(self):
        idx = self.view.currentIndex()
        return self.model.node(idx) if idx.isValid() else None

    def _current(self, cur, _prev) -> None:
        node = self.model.node(cur) if cur.isValid() else None
        self.editor.set_indicator(node.id if node is not None and node.kind == "indicator" else None)

    def _focus_new(self, dep) -> None:
        node = self.model.find(dep)
        if node is not None:
            self.view.select_cell(node, 1)
            self.view.edit(self.view.currentIndex())

    def add_tujuan(self) -> None:
        wb = self.context.wb
        new = M.new_id()
        row = {"id": new, "nama": "Tujuan baru", "kode": str(len(wb.tujuan) + 1), "urut": _next_urut(wb.tujuan.values())}
        if self.context.apply([InsertOp("tujuan", row)], "Tambah tujuan") is not None:
            self._focus_new(("tujuan", new))

    def add_sasaran(self) -> None:
        wb = self.context.wb
        node = self._selected()
        tid = None
        while node is not None and node.kind != "root":
            if node.kind == "tujuan":
                tid = node.id
                break
            node = node.parent
        if tid is None:
            tl = wb.tujuan_list()
            if not tl:
                self.message.emit("Tambahkan tujuan terlebih dahulu.")
                return
            tid = tl[-1].id
        sibl = wb.sasaran_of(tid)
        kode = f"{wb.tujuan[tid].kode}.{len(sibl) + 1}" if wb.tujuan[tid].kode else ""
        new = M.new_id()
        row = {"id": new, "tujuan_id": tid, "nama": "Sasaran baru", "kode": kode, "urut": _next_urut(sibl)}
        if self.context.apply([InsertOp("sasaran", row)], "Tambah sasaran") is not None:
            self._focus_new(("sasaran", new))

    def add_indicator(self) -> None:
        wb = self.context.wb
        node = self._selected()
        if node is not None and node.kind == "indicator":
            node = node.parent
        if node is None or node.kind not in ("tujuan", "sasaran"):
            sl = wb.sasaran_list()
            if not sl:
                self.message.emit("Pilih sebuah tujuan atau sasaran terlebih dahulu.")
                return
            kind, owner = "sasaran", sl[-1].id
        else:
            kind, owner = node.kind, node.id
        new = M.new_id()
        row = {"id": new, "owner_kind": kind, "owner_id": owner, "nama": "Indikator baru",
               "urut": _next_urut(wb.indicators_of(owner))}
        if self.context.apply([InsertOp("indicator", row)], "Tambah indikator") is not None:
            self._focus_new(("indicator", new))

    can_edit_rows = True

    def row_add(self) -> None:
        """Ctrl++: a new row like the selected one (tujuan, sasaran or indikator)."""
        node = self._selected()
        kind = node.kind if node is not None else "tujuan"
        {"tujuan": self.add_tujuan, "sasaran": self.add_sasaran, "indicator": self.add_indicator}[kind]()

    def row_delete(self) -> None:
        self.delete_row()

    def row_move(self, step: int) -> bool:
        node = self._selected()
        if node is None:
            return False
        wb = self.context.wb
        if node.kind == "tujuan":
            sibl, what = wb.tujuan_list(), "Tujuan"
        elif node.kind == "sasaran":
            sibl, what = wb.sasaran_of(wb.sasaran[node.id].tujuan_id), "Sasaran"
        else:
            sibl, what = wb.indicators_of(wb.indicators[node.id].owner_id), "Indikator"
        return self._move(self.view, node.kind, sibl, node.id, step, what)

    def subtree_text(self, node) -> str | None:
        """What goes with a row, or None when it is a lone row."""
        wb = self.context.wb
        if node.kind == "tujuan":
            sas = wb.sasaran_of(node.id)
            inds = len(wb.indicators_of(node.id)) + sum(len(wb.indicators_of(x.id)) for x in sas)
            name = wb.tujuan[node.id].nama
            if not sas and not inds:
                return None
            return (f"Hapus tujuan \u201c{name[:80]}\u201d beserta {_plural(len(sas), 'sasaran')} dan "
                    f"{_plural(inds, 'indikator')} (dengan target dan realisasinya)?")
        if node.kind == "sasaran":
            inds = len(wb.indicators_of(node.id))
            if not inds:
                return None
            return (f"Hapus sasaran \u201c{wb.sasaran[node.id].nama[:80]}\u201d beserta "
                    f"{_plural(inds, 'indikator')} (dengan target dan realisasinya)?")
        return None

    def delete_row(self) -> None:
        node = self._selected()
        if node is None:
            return
        label = {"tujuan": "Hapus tujuan", "sasaran": "Hapus sasaran", "indicator": "Hapus indikator"}[node.kind]
        question = self.subtree_text(node)
        if question and not confirm_delete(self, label, question + "\n\nDapat diurungkan dengan Ctrl+Z."):
            return
        if self.context.apply([DeleteOp(node.kind, (node.id,))], label) is not None:
            self.message.emit(f"{label} – dapat diurungkan dengan Ctrl+Z.")

    def locate(self, table, key, field):
        if table in ("tujuan", "sasaran"):
            return self._locate_in(self.view, (table, key[0]), CellRef(table, tuple(key), field or "nama"), 1)
        if table in ("indicator", "indicator_value", "komponen"):
            ref = CellRef(table, tuple(key), field) if field else None
            ok = self._locate_in(self.view, ("indicator", key[0]), ref, 1)
            if ok and table in ("komponen",) or (ok and field == "rumus_komponen"):
                self.editor.rumus.setFocus()
            return ok
        return False


# -- Program & Anggaran ---------------------------------------------------------------------------

class AnggaranPage(Page):
    title = "Program & Anggaran"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = BudgetModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        bar = QHBoxLayout()
        for text, slot, tip in [
            ("Tambah &program", lambda: self.add_item("program"), ""),
            ("Tambah &kegiatan", lambda: self.add_item("kegiatan"), "Di bawah program yang dipilih"),
            ("Tambah &sub kegiatan", lambda: self.add_item("sub_kegiatan"), "Di bawah kegiatan yang dipilih"),
            ("&Hapus baris", self.delete_row, "Hapus baris beserta isinya (dapat diurungkan)"),
        ]:
            bar.addWidget(_button(text, slot, tip))
        bar.addStretch(1)
        self.total = QLabel()
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        help_ = QLabel("Pagu dan realisasi diketik pada sub kegiatan; baris program dan kegiatan adalah "
                       "jumlah anak-anaknya (tidak dapat diubah).")
        help_.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(help_)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.total)
        context.changed.connect(lambda ch: self.update_total() if ch.budget or ch.everything else None)
        self.update_total()

    def update_total(self) -> None:
        t = self.context.calc.opd_totals()
        self.total.setText(
            f"<b>Jumlah OPD</b> – pagu murni Rp {fmt.rupiah(t.pagu_murni)} · pagu perubahan Rp "
            f"{fmt.rupiah(t.pagu_perubahan)} · selisih {fmt.rupiah(t.selisih)} · realisasi Rp "
            f"{fmt.rupiah(t.realisasi)} · serapan {fmt.pct(t.serapan)}%"
        )

    def add_item(self, level: str) -> None:
        wb = self.context.wb
        idx = self.view.currentIndex()
        node = self.model.node(idx) if idx.isValid() else None
        want_parent = {"program": None, "kegiatan": "program", "sub_kegiatan": "kegiatan"}[level]
        parent_id = None
        if want_parent is not None:
            n = node
            while n is not None and n.kind != "root" and n.kind != want_parent:
                n = n.parent
            if n is None or n.kind != want_parent:
                self.message.emit(f"Pilih sebuah {fmt.LEVEL_LABEL[want_parent].lower()} terlebih dahulu.")
                return
            parent_id = n.id
        sibl = wb.children(parent_id)
        parent_kode = wb.items[parent_id].kode if parent_id else ""
        kode = f"{parent_kode}.{len(sibl) + 1}" if parent_kode else str(len(sibl) + 1)
        new = M.new_id()
        row = {"id": new, "level": level, "parent_id": parent_id, "kode": kode,
               "nama": f"{fmt.LEVEL_LABEL[level]} baru", "urut": _next_urut(sibl)}
        if self.context.apply([InsertOp("budget_item", row)], f"Tambah {fmt.LEVEL_LABEL[level].lower()}"):
            node = self.model.find(("budget_item", new))
            if node is not None:
                self.view.select_cell(node, 1)
                self.view.edit(self.view.currentIndex())

    can_edit_rows = True

    def _node(self):
        idx = self.view.currentIndex()
        return self.model.node(idx) if idx.isValid() else None

    def row_add(self) -> None:
        """Ctrl++: a new item at the selected item's level (a program when nothing is chosen)."""
        node = self._node()
        self.add_item(node.kind if node is not None else "program")

    def row_delete(self) -> None:
        self.delete_row()

    def row_move(self, step: int) -> bool:
        node = self._node()
        if node is None:
            return False
        wb = self.context.wb
        item = wb.items[node.id]
        return self._move(self.view, "budget_item", wb.children(item.parent_id), node.id, step,
                          fmt.LEVEL_LABEL[item.level])

    def subtree_text(self, node) -> str | None:
        wb = self.context.wb
        below: dict[str, int] = {}
        stack = list(wb.children(node.id))
        while stack:
            it = stack.pop()
            below[it.level] = below.get(it.level, 0) + 1
            stack.extend(wb.children(it.id))
        if not below:
            return None
        parts = [f"{below[lv]} {fmt.LEVEL_LABEL[lv].lower()}" for lv in ("kegiatan", "sub_kegiatan") if lv in below]
        item = wb.items[node.id]
        return (f"Hapus {fmt.LEVEL_LABEL[item.level].lower()} {item.kode} \u201c{item.nama[:80]}\u201d beserta "
                f"{' dan '.join(parts)} (dengan pagu, realisasi dan triwulannya)?")

    def delete_row(self) -> None:
        node = self._node()
        if node is None:
            return
        label = f"Hapus {fmt.LEVEL_LABEL[node.kind].lower()}"
        question = self.subtree_text(node)
        if question and not confirm_delete(self, label, question + "\n\nDapat diurungkan dengan Ctrl+Z."):
            return
        if self.context.apply([DeleteOp("budget_item", (node.id,))], label):
            self.message.emit("Baris dihapus – dapat diurungkan dengan Ctrl+Z.")

    def locate(self, table, key, field):
        if table != "budget_item":
            return False
        return self._locate_in(self.view, ("budget_item", key[0]), CellRef(table, tuple(key), field or "nama"), 1)


# -- Realisasi --------------------------------------------------------------------------------------

def legend_widget(context) -> QWidget:
    w = QWidget()
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    scale = SCALES[context.wb.settings.skala]
    lay.addWidget(QLabel(f"Peringkat ({scale.name}):"))
    for band in scale.bands:
        lab = QLabel(f" {band.code + ' ' if band.code else ''}{band.label} ({'≥' if band.inclusive else '>'}"
                     f" {format_number(band.lower, None)}) ")
        lab.setStyleSheet(f"background: {band.color}; color: #111; border-radius: 3px; padding: 1px 4px;")
        lay.addWidget(lab)
    lay.addStretch(1)
    return w


class AverageLabel(QLabel):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        context.changed.connect(lambda _ch: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        avg = self.context.calc.opd_average()
        s = self.context.wb.settings
        basis = "semua IKU" if s.rata_rata == "iku" else "rata-rata per sasaran"
        self.setText(f"<b>Rata-rata capaian OPD {s.tahun}: {fmt.pct(avg.value)}%</b> "
                     f"({avg.note}; {basis})")


class RealisasiPage(Page):
    title = "Realisasi"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        tabs = QTabWidget(self)
        self.tabs = tabs
        # indicators
        w1 = QWidget()
        self.model = RealisasiModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.scope = QComboBox()
        self.scope.addItem("IKU (indikator sasaran)", "iku")
        self.scope.addItem("Semua indikator", "semua")
        self.scope.currentIndexChanged.connect(lambda _i: self.model.set_scope(self.scope.currentData()))
        top = QHBoxLayout()
        lbl = QLabel("&Tampilkan:")
        lbl.setBuddy(self.scope)
        top.addWidget(lbl)
        top.addWidget(self.scope)
        top.addStretch(1)
        self.average = AverageLabel(context)
        top.addWidget(self.average)
        self.legend_box = QVBoxLayout()
        self.legend = legend_widget(context)
        self.legend_box.addWidget(self.legend)
        l1 = QVBoxLayout(w1)
        l1.addLayout(top)
        l1.addWidget(self.view, 1)
        l1.addLayout(self.legend_box)
        hint = QLabel("Ketik realisasi TW atau tahunan; capaian dan peringkat dihitung seketika. Arahkan "
                      "penunjuk ke capaian untuk melihat rumusnya. Ctrl+V menempel blok dari Excel.")
        hint.setWordWrap(True)
        l1.addWidget(hint)
        tabs.addTab(w1, "&Indikator kinerja")
        # quarters: built the first time the tab is shown (a 100x budget tree takes a while)
        self.qmodel = None
        self.qview = None
        self.rupiah = QCheckBox("Tampilkan kolom &rupiah per triwulan")
        w2 = QWidget()
        self._l2 = QVBoxLayout(w2)
        self._l2.addWidget(self.rupiah)
        tabs.addTab(w2, "&Fisik dan keuangan per triwulan")
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        tabs.currentChanged.connect(lambda i: self.ensure_quarters() if i == 1 else None)
        context.changed.connect(self._changed)

    def ensure_quarters(self) -> None:
        if self.qmodel is not None:
            return
        self.qmodel = QuarterModel(self.context, self)
        self.qview = GridView()
        self.add_view(self.qview, self.qmodel)
        self.rupiah.toggled.connect(self._show_rupiah)
        self._l2.addWidget(self.qview, 1)
        hint2 = QLabel("Fisik dalam satuan keluaran per triwulan (tidak kumulatif); keuangan dalam persen dari "
                       "pagu setahun. Bila jumlah rupiah diisi, persennya dihitung dari rupiah.")
        hint2.setWordWrap(True)
        self._l2.addWidget(hint2)
        self.qmodel.modelReset.connect(lambda: self._show_rupiah(self.rupiah.isChecked()))
        self._show_rupiah(self.rupiah.isChecked())
        self.views_added.emit(self.qview)

    def _changed(self, ch) -> None:
        if ch.everything:
            self.legend_box.removeWidget(self.legend)
            self.legend.deleteLater()
            self.legend = legend_widget(self.context)
            self.legend_box.addWidget(self.legend)

    def _show_rupiah(self, on: bool) -> None:
        if self.qmodel is None:
            return
        start = getattr(self.qmodel, "rupiah_start", self.qmodel.columnCount())
        for c in range(start, self.qmodel.columnCount()):
            self.qview.setColumnHidden(c, not on)

    def locate(self, table, key, field):
        if table == "indicator_value" and key[1] == self.context.wb.settings.tahun:
            ref = CellRef(table, tuple(key), field or "nilai")
            if self.model.find(("indicator", key[0])) is None:
                self.scope.setCurrentIndex(1)
            self.tabs.setCurrentIndex(0)
            return self._locate_in(self.view, ("indicator", key[0]), ref, 1)
        if table == "budget_quarter":
            self.ensure_quarters()
            self.tabs.setCurrentIndex(1)
            return self._locate_in(self.qview, ("budget_item", key[0]), CellRef(table, tuple(key), field), 1)
        return False


# -- Dukungan ----------------------------------------------------------------------------------------

MATRIX_MAX_IKU = 12  # more IKU than this: one IKU at a time with a checklist (dukungan_picker)


class DukunganPage(Page):
    title = "Dukungan"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        lay = QVBoxLayout(self)
        self.picker = None
        self.model = None
        if len(context.wb.iku_list()) > MATRIX_MAX_IKU:
            from .dukungan_picker import DukunganPicker

            hint = QLabel("Pilih satu IKU, lalu centang sub kegiatan yang mendukungnya. Saring daftar dengan "
                          "kode atau nama; \"Centang semua yang terlihat\" mencentang hasil saringan sekaligus "
                          "(satu langkah urungkan).")
            hint.setWordWrap(True)
            self.picker = DukunganPicker(context, self)
            self.picker.message.connect(self.message)
            lay.addWidget(hint)
            lay.addWidget(self.picker, 1)
            return
        self.model = LinksModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        hint = QLabel("Centang program, kegiatan atau sub kegiatan yang mendukung setiap IKU (Spasi untuk "
                      "mencentang). Anggarannya dipakai untuk serapan dan efisiensi IKU di halaman Capaian. "
                      "Arahkan penunjuk ke judul kolom untuk nama IKU.")
        hint.setWordWrap(True)
        self.names = QLabel()
        self.names.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.names)
        self.model.modelReset.connect(self._names)
        self._names()

    def _names(self) -> None:
        wb = self.context.wb
        self.names.setText(" · ".join(f"{ind.kode or f'IKU {k}'}: {ind.nama}"
                                      for k, ind in enumerate(wb.iku_list(), start=1)))

    def locate(self, table, key, field):
        if table != "dukungan":
            return False
        if self.picker is not None:
            return self.picker.locate(key[0], key[1] if len(key) > 1 else None)
        node = self.model.find(("budget_item", key[1] if len(key) > 1 else key[0]))
        if node is None:
            return False
        col = 2 + self.model.iku_ids.index(key[0]) if key[0] in self.model.iku_ids else 1
        self.view.select_cell(node, col)
        return True


# -- Capaian & Analisis ----------------------------------------------------------------------------

class AutoSaveText(QPlainTextEdit):
    """Multi-line text stored when focus leaves (one undo step per edit session)."""

    committed = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


ANALISIS = [
    ("analisis_keberhasilan", "Faktor keberhasilan"),
    ("analisis_penghambat", "Faktor penghambat"),
    ("langkah_perbaikan", "Langkah perbaikan / solusi"),
    ("penjelasan", "Penjelasan tambahan"),
]


class CapaianPage(Page):
    title = "Capaian & Analisis"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = CapaianModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.average = AverageLabel(context)
        box = QGroupBox("Analisis IKU terpilih (untuk Bab III laporan)")
        self.box = box
        grid = QGridLayout(box)
        self.texts: dict[str, AutoSaveText] = {}
        for i, (field, label) in enumerate(ANALISIS):
            t = AutoSaveText()
            t.setTabChangesFocus(True)
            t.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            t.committed.connect(lambda f=field: self._commit(f))
            lab = QLabel(f"{label}:")
            lab.setBuddy(t)
            grid.addWidget(lab, (i // 2) * 2, i % 2)
            grid.addWidget(t, (i // 2) * 2 + 1, i % 2)
            self.texts[field] = t
        self.ind_id: str | None = None
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.average)
        tl.addWidget(self.view, 1)
        tl.addWidget(legend_widget(context))
        split.addWidget(top)
        split.addWidget(box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([640, 260])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.view.selectionModel().currentChanged.connect(self._current)
        self.model.modelReset.connect(lambda: self._select(self.ind_id))
        context.changed.connect(self._changed)
        self._select(None)

    def _current(self, cur, _prev) -> None:
        self._select(self.model.node(cur).id if cur.isValid() else None)

    def _select(self, ind_id) -> None:
        wb = self.context.wb
        self.ind_id = ind_id if ind_id in wb.indicators else None
        ind = wb.indicators.get(self.ind_id) if self.ind_id else None
        self.box.setTitle(f"Analisis: {ind.nama}" if ind else "Analisis IKU terpilih (pilih baris di tabel)")
        for field, t in self.texts.items():
            t.setEnabled(ind is not None and not self.context.service.readonly)
            t.setPlainText(getattr(ind, field) if ind else "")

    def _commit(self, field: str) -> None:
        if self.ind_id is None or self.ind_id not in self.context.wb.indicators:
            return
        text = self.texts[field].toPlainText()
        if text != getattr(self.context.wb.indicators[self.ind_id], field):
            label = dict(ANALISIS)[field]
            self.context.set_text(CellRef("indicator", (self.ind_id,), field), text, f"Ubah {label.lower()}")

    def _changed(self, ch) -> None:
        if self.ind_id in ch.indicators:
            ind = self.context.wb.indicators.get(self.ind_id)
            for field, t in self.texts.items():
                if ind is not None and not t.hasFocus() and t.toPlainText() != getattr(ind, field):
                    t.setPlainText(getattr(ind, field))

    def locate(self, table, key, field):
        if table == "indicator" and field in self.texts:
            ok = self._locate_in(self.view, ("indicator", key[0]), None, 1)
            if ok:
                self.texts[field].setFocus()
            return ok
        if table == "indicator_value" and key[1] == self.context.wb.settings.tahun - 1:
            return self._locate_in(self.view, ("indicator", key[0]), CellRef(table, tuple(key), "nilai"), 1)
        return False


# -- Prestasi -----------------------------------------------------------------------------------------

class PrestasiPage(Page):
    title = "Prestasi"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = PrestasiModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        bar = QHBoxLayout()
        bar.addWidget(_button("&Tambah prestasi", self.add))
        bar.addWidget(_button("&Hapus prestasi", self.delete))
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Penghargaan yang diterima OPD selama tahun laporan (tanggal, uraian, pemberi)."))
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)

    def add(self) -> None:
        new = M.new_id()
        row = {"id": new, "uraian": "Prestasi baru", "urut": _next_urut(self.context.wb.prestasi.values())}
        if self.context.apply([InsertOp("prestasi", row)], "Tambah prestasi") is not None:
            node = self.model.find(("prestasi", new))
            if node is not None:
                self.view.select_cell(node, 1)
                self.view.edit(self.view.currentIndex())

    def delete(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.context.apply([DeleteOp("prestasi", (self.model.node(idx).id,))], "Hapus prestasi")

    can_edit_rows = True

    def row_add(self) -> None:
        self.add()

    def row_delete(self) -> None:
        self.delete()

    def row_move(self, step: int) -> bool:
        idx = self.view.currentIndex()
        if not idx.isValid():
            return False
        return self._move(self.view, "prestasi", self.context.wb.prestasi_list(), self.model.node(idx).id, step,
                          "Prestasi")

    def locate(self, table, key, field):
        if table != "prestasi":
            return False
        return self._locate_in(self.view, ("prestasi", key[0]), CellRef(table, tuple(key), field or "uraian"), 1)


# -- Reviu --------------------------------------------------------------------------------------------

class ReviuPage(Page):
    title = "Reviu"
    jump = Signal(str, object, object)  # table, key, field

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.model = ReviuModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(GridView.SelectionBehavior.SelectRows)
        self.view.doubleClicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(_button("&Periksa ulang", self.refresh))
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(QLabel("Klik ganda (atau Enter) pada temuan untuk melompat ke sel yang bermasalah."))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.refresh)
        self.stale = False
        context.changed.connect(self._changed)

    def _changed(self, _ch) -> None:
        if is_big(self.context.wb):
            # A check takes seconds here: say the list is old, re-check on request.
            self.stale = True
            self._summarise()
        elif self.isVisible():
            self._timer.start()

    def on_shown(self) -> None:
        if not self.model.findings or self.stale or not is_big(self.context.wb):
            self.refresh()

    def refresh(self) -> bool:
        """Run the check (in a worker with Batal on a big workbook). False when cancelled."""
        wb = self.context.wb
        if is_big(wb):
            from ..domain import reviu
            from ..domain.compute import Calculator

            # Its own calculator: the worker never writes the shared cache.
            outcome = work.run_with_progress(self.window(), "Memeriksa buku kerja (reviu)…",
                                             lambda: reviu.check(wb, Calculator(wb)))
            if outcome.cancelled:
                self.message.emit("Pemeriksaan reviu dibatalkan; daftar temuan belum diperbarui.")
                self._summarise()
                return False
            if outcome.error is not None:
                raise outcome.error
            self.model.refresh(outcome.result)
        else:
            self.model.refresh()
        self.stale = False
        self._summarise()
        return True

    def _summarise(self) -> None:
        fs = self.model.findings
        err = sum(1 for f in fs if f.level == "kesalahan")
        text = (f"{len(fs)} temuan: {err} kesalahan, {len(fs) - err} peringatan."
                if fs else "Tidak ada temuan. Buku kerja siap direviu.")
        if self.stale:
            text += " Data sudah berubah sejak pemeriksaan ini – tekan Periksa ulang."
        self.summary.setText(text)

    def _activate(self, index) -> None:
        if not index.isValid():
            return
        f = self.model.findings[self.model.node(index).id]
        self.jump.emit(f.table, tuple(f.key), f.field)


# -- Riwayat ----------------------------------------------------------------------------------------------

class RiwayatPage(Page):
    title = "Riwayat"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.ref: CellRef | None = None
        self.model = HistoryModel(context, self)
        self.view = self.add_view(GridView(), self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(GridView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(GridView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(GridView.SelectionMode.SingleSelection)
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.all = QCheckBox("Tampilkan &semua perubahan buku kerja")
        self.all.toggled.connect(lambda _on: self.refresh())
        self.restore_btn = _button("&Pulihkan nilai lama", self.restore,
                                   "Kembalikan sel ke nilai sebelum perubahan terpilih (dapat diurungkan)")
        bar = QHBoxLayout()
        bar.addWidget(self.what, 1)
        bar.addWidget(self.all)
        bar.addWidget(self.restore_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        self.view.doubleClicked.connect(lambda _i: self.restore())
        context.changed.connect(lambda _ch: self.refresh() if self.isVisible() else None)
        self.refresh()

    def set_ref(self, ref: CellRef | None) -> None:
        if ref is None or ref.table not in TABLES or (ref.field not in TABLES[ref.table].fields):
            return
        self.ref = ref
        if self.isVisible():
            self.refresh()

    def on_shown(self) -> None:
        self.refresh()

    def describe(self, ref: CellRef) -> str:
        wb = self.context.wb
        name = ""
        k = ref.key[0] if ref.key else None
        if ref.table in ("indicator", "indicator_value", "komponen") and k in wb.indicators:
            name = wb.indicators[k].nama
        elif ref.table in ("budget_item", "budget_quarter") and k in wb.items:
            name = wb.items[k].nama
        elif ref.table == "prestasi" and k in wb.prestasi:
            name = wb.prestasi[k].uraian
        extra = ""
        if ref.table == "indicator_value":
            per = "tahunan" if ref.key[3] == 0 else f"TW {fmt.ROMAN[ref.key[3]]}"
            extra = f" · {ref.key[2]} {ref.key[1]} {per}"
        elif ref.table == "budget_quarter":
            extra = f" · TW {fmt.ROMAN[ref.key[1]]}"
        elif ref.table == "komponen":
            extra = f" · komponen {ref.key[2]} {ref.key[1]}"
        return f"{TABLES[ref.table].label}: {name[:80]}{extra} · kolom {ref.field}"

    def refresh(self) -> None:
        ref = None if self.all.isChecked() else self.ref
        self.model.show(ref)
        if ref is None:
            self.what.setText("Semua perubahan terakhir buku kerja." if self.all.isChecked() else
                              "Pilih sebuah sel di halaman lain untuk melihat riwayatnya.")
        else:
            self.what.setText(f"Riwayat sel – {self.describe(ref)}")
        self.restore_btn.setEnabled(bool(self.model.entries) and not self.context.service.readonly)

    def restore(self) -> None:
        idx = self.view.currentIndex()
        if not idx.isValid():
            self.message.emit("Pilih satu baris riwayat yang akan dipulihkan.")
            return
        e = self.model.entries[self.model.node(idx).id]
        if e.aksi != "ubah" or not e.kolom:
            self.message.emit("Hanya perubahan nilai sel yang dapat dipulihkan; gunakan Urungkan untuk baris.")
            return
        ref = CellRef(e.tabel, tuple(e.kunci), e.kolom)
        if e.tabel not in TABLES or e.kolom not in TABLES[e.tabel].fields:
            return
        ch = self.context.apply([SetOp(ref, e.lama)], f"Pulihkan {TABLES[e.tabel].label}")
        if ch is not None:
            self.message.emit("Nilai lama dipulihkan (Ctrl+Z untuk membatalkan).")


# -- pages of other engineers, loaded lazily -------------------------------------------------------

class UnavailablePage(Page):
    def __init__(self, context, title: str, why: str, parent=None):
        super().__init__(context, parent)
        self.title = title
        lay = QVBoxLayout(self)
        lab = QLabel(f"<h3>{title}</h3><p>Fitur ini belum tersedia pada versi ini.</p><p style='color:#666'>{why}</p>")
        lab.setWordWrap(True)
        lab.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(lab)


def pk_page(context, parent=None) -> QWidget:
    try:
        from .pk_page import PkPage
    except ImportError as exc:
        return UnavailablePage(context, "Perjanjian Kinerja", f"Modul belum terpasang ({exc.name}).", parent)
    return PkPage(context, parent)


def laporan_page(context, parent=None) -> QWidget:
    try:
        from .export_dialog import ExportPage
    except ImportError as exc:
        return UnavailablePage(context, "Laporan", f"Modul belum terpasang ({exc.name}).", parent)
    return ExportPage(context, parent)

