"""The Profil OPD page: the form from forms/profil_opd.ui, the settings and the logo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import InputError
from ...domain.numbers import format_date, format_number
from ...domain.rating import SCALES
from ...store.kinds import MAX_IMAGE_BYTES
from ...edits import cells, scale, values
from ..forms import load_form
from .base import ERROR_STYLE, Page
from .profil_sdm import SdmEditor
from .profil_skala import SkalaEditor


SETTING_CHOICES = {
    "polaritas_negatif": [("linear", "Linear: (2·T − R) ÷ T × 100"), ("ratio", "Rasio: T ÷ R × 100")],
    "target_nol": [("none", "Tidak dihitung (\"-\")"), ("practice", "Menurut kebiasaan (100 bila realisasi 0)")],
    "predikat_beda": [("rank", "Menurut peringkat"), ("binary", "Tercapai / tidak (100 atau 0)")],
    "efisiensi": [("E1", "E1: capaian − serapan"), ("E2", "E2: sisa anggaran (100 − serapan)"),
                  ("E3", "E3: capaian ÷ serapan × 100")],
    "skala": [("d86", SCALES["d86"].name), ("lokal7", SCALES["lokal7"].name),
              ("lima", "Lima tingkat (Sangat Baik … Sangat Kurang)"), ("kustom", "Kustom (rentang sendiri)")],
    "rata_rata": [("iku", "Rata-rata semua IKU"), ("sasaran", "Rata-rata per sasaran")],
    "kertas": [("A4", "A4"), ("F4", "F4 (Folio)")],
    "kepala_status": [("", "Definitif"), ("Plt.", "Plt. (Pelaksana Tugas)"), ("Plh.", "Plh. (Pelaksana Harian)")],
}


# A short explanation under each setting (and its tooltip): what it changes, in the users' words.
SETTING_HELP = {
    "tahun": "Tahun anggaran yang dilaporkan; menentukan kolom target dan realisasi yang dipakai.",
    "renstra_awal": "Tahun pertama periode Renstra (kolom target per tahun di halaman Renstra).",
    "renstra_akhir": "Tahun terakhir Renstra; targetnya menjadi target akhir Renstra di laporan.",
    "polaritas_negatif": "Untuk indikator yang makin rendah makin baik. Linear: capaian turun sebanding "
                         "selisihnya; rasio: target dibagi realisasi.",
    "batas_bawah_nol": "Bila dicentang, capaian polaritas negatif tidak pernah di bawah 0.",
    "batas_capaian": "Centang \"Batasi capaian\" bila capaian dipotong pada batas ini (mis. 100 atau 120); "
                     "tanpa centang capaian tidak dibatasi (laporan contoh mencetak di atas 100).",
    "target_nol": "Bila target 0: capaian tidak dihitung (\"-\"), atau menurut kebiasaan 100 bila "
                  "realisasinya 0.",
    "predikat_beda": "Indikator berupa predikat (AA…D) yang berbeda dari target: dihitung menurut "
                     "peringkatnya, atau hanya tercapai (100) / tidak (0).",
    "efisiensi": "E1 = capaian − serapan (bawaan, seperti laporan contoh); E2 = sisa anggaran "
                 "(100 − serapan); E3 = capaian ÷ serapan × 100.",
    "skala": "Tabel peringkat dan warna capaian yang dipakai di layar dan laporan. Kustom: rentang "
             "sendiri, diisi pada tabel \"Rentang skala kustom\" di bawah.",
    "skala_nama": "Nama skala yang disebut dalam narasi dan judul tabel skala; kosong = nama skala bakunya.",
    "teks_tanpa_data": "Dicetak di sel angka yang belum ada datanya (mis. n/a atau -); nilai itu tidak "
                       "dihitung dalam rata-rata.",
    "rata_rata": "Rata-rata capaian OPD: rata-rata semua IKU, atau rata-rata dari rata-rata tiap sasaran.",
    "perubahan_berlaku": "Bila dicentang, serapan dan anggaran PK memakai pagu perubahan (APBD-P); bila "
                         "tidak, pagu murni.",
    "capaian_wajar_maks": "Reviu memperingatkan capaian di atas angka ini (kemungkinan salah ketik).",
    "kertas": "Ukuran kertas laporan dan Perjanjian Kinerja (F4 = Folio, 215 × 330 mm).",
    "tanggal_nol": "Dicentang: tanggal dicetak \"02 Januari 2024\" seperti laporan contoh; tidak: "
                   "\"2 Januari 2024\".",
    "rincian_anggaran": "Dicentang: tabel anggaran per IKU mencetak capaian (rata-rata indikator baris itu) "
                        "dan efisiensi (100 − serapan) di setiap baris; tidak: hanya pada baris Jumlah.",
}


# Settings typed as text that have their own verb (one undo step each, via WorkbookContext.run).
_TEXT_VERBS = {"skala_nama": scale.set_scale_name, "teks_tanpa_data": scale.set_no_data_text}


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
        for layout in form.findChildren(QFormLayout):  # on a narrow window a wide field goes under its label
            layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.pesan: QLabel = form.findChild(QLabel, "pesan")
        self.fields: dict[tuple[str, str], QWidget] = {}
        for table, field in cells.profile_fields():
            w = form.findChild(QWidget, f"{table}_{field}")
            if w is not None:
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
        self.cap_on: QCheckBox = form.findChild(QCheckBox, "batas_capaian_aktif")
        self.cap_on.setToolTip(SETTING_HELP["batas_capaian"])
        self.cap_on.toggled.connect(self._cap_toggled)
        self.skala = SkalaEditor(self)
        self.sdm = SdmEditor(self)
        utama = form.layout()
        utama.insertWidget(utama.indexOf(self.pesan), self.skala)
        utama.insertWidget(utama.indexOf(self.pesan), self.sdm)
        self._loading = False
        self.load()
        context.changed.connect(self._changed)

    def resizeEvent(self, event) -> None:
        """The two groups side by side when both fit, one above the other on a narrow window
        (no sideways scrolling to reach the settings)."""
        super().resizeEvent(event)
        kolom = self.form.findChild(QBoxLayout, "kolom")
        groups = [self.form.findChild(QWidget, n) for n in ("grupOpd", "grupPengaturan")]
        if kolom is None or None in groups:
            return
        margins = self.form.layout().contentsMargins()
        # the profile at its natural width beside the settings at their narrowest (rows wrapped)
        need = groups[0].sizeHint().width() + groups[1].minimumSizeHint().width() + kolom.spacing() + \
            margins.left() + margins.right()
        wide = event.size().width() >= need
        kolom.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

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
            ch = self.context.run(values.set_logo, data)
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
        return self.context.run(values.set_logo, None) is not None

    def _stored_text(self, table: str, field: str) -> str:
        obj = self.context.wb.opd if table == "opd" else self.context.wb.settings
        v = getattr(obj, field)
        if isinstance(v, Decimal):
            return format_number(v, None)
        if isinstance(v, date):
            return format_date(v, zero_pad=True)
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
            capped = self.context.wb.settings.batas_capaian is not None
            self.cap_on.setChecked(capped)
            self.fields[("settings", "batas_capaian")].setEnabled(capped)
            self.show_logo()
        finally:
            self._loading = False

    def _commit(self, table: str, field: str) -> None:
        if self._loading:
            return
        w = self.fields[(table, field)]
        ref = cells.profile(table, field)
        stored = getattr(self.context.wb.opd if table == "opd" else self.context.wb.settings, field)
        if isinstance(w, QComboBox):
            value = w.currentData()
            if value != stored and field == "skala":
                self.context.run(scale.choose_scale, value)
            elif value != stored:
                self.context.set_cell(ref, value, f"Ubah {w.currentText()}")
            return
        if field in _TEXT_VERBS:
            if self.context.run(_TEXT_VERBS[field], w.text()) is not None:
                self.pesan.setText("")
            return
        if isinstance(w, QCheckBox):
            if w.isChecked() != stored:
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
        if field == "batas_capaian":
            value = self.context.service.parse(ref, text)
            self.context.run(scale.set_cap, value is not None, value)
            return
        label = self.form.findChild(QLabel, f"label_{table}_{field}")
        name = label.text().rstrip(":") if label else field
        if self.context.set_text(ref, text, f"Ubah {name}") is not None:
            self.pesan.setText("")

    def _cap_toggled(self, on: bool) -> None:
        """Cap on at the value typed (else 100) or off (RULES 2.5)."""
        if self._loading:
            return
        w = self.fields[("settings", "batas_capaian")]
        try:
            value = self.context.service.parse(cells.setting("batas_capaian"), w.text()) if on else None
        except InputError:  # a bad typed value: the cap starts at the default
            value = None
        if self.context.run(scale.set_cap, on, value) is None:
            self.load()  # nothing changed or refused: show what is stored

    def _error(self, text: str) -> None:
        self.pesan.setStyleSheet(ERROR_STYLE)
        self.pesan.setText(text)
        self.message.emit(text)

    def _changed(self, ch) -> None:
        if ch.everything or ch.touched("opd"):
            self.load()

    def locate(self, place):
        if place.kind != "profile":
            return False
        w = self.fields.get(cells.profile_key(place.ref)) if place.ref is not None else None
        if w is None:
            w = next(iter(self.fields.values()))
        if w is None:
            return False
        w.setFocus()
        return True
