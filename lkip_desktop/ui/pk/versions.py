"""Version actions of the PK page: new, eselon III/IV, PK Perubahan, signing, deleting a draft,
and the comparison of two versions."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QInputDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import pk as rules
from ...domain.errors import InputError
from ...edits import pk as pks
from .common import table_item


class VersionsMixin:
    """Version list actions and the diff tab (mixed into PkPage)."""

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
        gaps = rules.sign_gaps(self.wb, pk.id)
        listed = ("<br><br><b>Yang masih kosong atau belum sah:</b><ul>"
                  + "".join(f"<li>{html.escape(g)}</li>" for g in gaps) + "</ul>"
                  "Periksa dahulu bila ini belum dimaksudkan.") if gaps else ""
        box = QMessageBox(QMessageBox.Icon.Warning, "Tandai sudah ditandatangani",
                          f"<b>{rules.version_label(pk, self.wb)}</b>{listed}<br><br>Sesudah ditandai, isi PK ini "
                          "dikunci sebagai catatan apa yang ditandatangani.<br><br><b>Langkah ini tidak dapat dibatalkan "
                          "(Urungkan/Ctrl+Z tidak berlaku).</b> Bila ternyata keliru, buat PK Perubahan.",
                          QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton("Tetap tandai ditandatangani" if gaps else "Tandai ditandatangani",
                            QMessageBox.ButtonRole.AcceptRole)
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
                self.tbl_diff.setItem(r, c, table_item(text, False))
        self.tbl_diff.resizeRowsToContents()
