"""The "Narasi" tab of the Laporan page: the free sections of the LKIP the user writes
(Kata Pengantar, Bab I, Bab II, Bab IV langkah), beside the sentences the app generates
from the workbook, which the user reads but does not type.

Every edit goes through ``context.set_cell(cells.narasi(key), text)``:
one undo step per saved section, in the same undo history as every other edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from ...reports import narrative as N
from ...edits import cells
from ..pages.base import is_big
from .longwork import StaleRefresh, run_in_worker

KEY_ROLE = Qt.ItemDataRole.UserRole


def generated_text(svc) -> str:
    """The generated sentences, as the report prints them, for reading beside the editor."""
    parts = ["IKHTISAR EKSEKUTIF"]
    parts += [("• " if p.bullet else "") + p.text for p in N.ikhtisar(svc)]
    parts += ["", "BAB III – CAPAIAN PER IKU"]
    for ind in svc.wb.iku_list():
        n = N.iku_narrative(svc, ind.id)
        parts.append(f"\n{ind.nama}")
        parts += [p.text for p in (n.capaian, n.komponen, n.tahun_lalu, n.renstra, n.anggaran) if p is not None]
    parts += ["", "BAB III – REALISASI ANGGARAN"] + [p.text for p in N.bab3_anggaran(svc)]
    parts += ["", "BAB IV – KESIMPULAN"] + [("• " if p.bullet else "") + p.text for p in N.bab4_kesimpulan(svc)]
    return "\n".join(parts)


class NarasiEditor(QWidget):
    """List of sections, an editor for the chosen one, the generated sentences beside it."""

    saved = Signal(str)  # the key just saved

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self._key: str | None = None
        self._shown = ""  # the stored text when the editor was last loaded or saved
        self._loading = False

        self.sections = QListWidget()
        for key, title, hint in N.NARASI:
            it = QListWidgetItem(title)
            it.setData(KEY_ROLE, key)
            it.setToolTip(hint)
            self.sections.addItem(it)
        self.sections.currentItemChanged.connect(self._on_section)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText("Tulis bagian ini di sini. Paragraf dipisah dengan baris baru.")
        self.editor.textChanged.connect(self._on_text)
        self.save_btn = QPushButton("Simpan")
        self.save_btn.setEnabled(False)
        self.save_btn.setShortcut("Ctrl+S")
        self.save_btn.clicked.connect(self.save)
        self.revert_btn = QPushButton("Kembalikan")
        self.revert_btn.setToolTip("Buang perubahan yang belum disimpan")
        self.revert_btn.setEnabled(False)
        self.revert_btn.clicked.connect(self._load)
        self.state = QLabel()

        mid = QWidget()
        ml = QVBoxLayout(mid)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.hint)
        ml.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_btn)
        row.addWidget(self.revert_btn)
        row.addWidget(self.state, 1)
        ml.addLayout(row)

        self.generated = QPlainTextEdit()
        self.generated.setReadOnly(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        note = QLabel("Kalimat otomatis dari buku kerja (tidak diketik; berubah bila angka berubah):")
        note.setWordWrap(True)
        rl.addWidget(note)
        rl.addWidget(self.generated, 1)

        split = QSplitter()
        split.addWidget(self.sections)
        split.addWidget(mid)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

        context.changed.connect(self._on_changed)
        self.sections.setCurrentRow(0)
        self._lazy = StaleRefresh(self, context, self.refresh_generated)  # made when first shown

    # -- state ---------------------------------------------------------------------------------
    @property
    def key(self) -> str | None:
        return self._key

    def stored(self, key: str | None = None) -> str:
        key = key or self._key
        return self.context.service.narasi(key) if key else ""

    def is_dirty(self) -> bool:
        return self._key is not None and self.editor.toPlainText() != self._shown

    def select(self, key: str) -> None:
        for i in range(self.sections.count()):
            if self.sections.item(i).data(KEY_ROLE) == key:
                self.sections.setCurrentRow(i)
                return
        raise KeyError(key)

    # -- slots -----------------------------------------------------------------------------------
    def _on_section(self, current, previous) -> None:
        if previous is not None and self.is_dirty():
            self.save()  # moving on keeps what was typed (one undo step)
        self._key = current.data(KEY_ROLE) if current is not None else None
        hint = next((h for k, _t, h in N.NARASI if k == self._key), "")
        self.hint.setText(hint)
        self._load()

    def _load(self) -> None:
        self._loading = True
        self._shown = self.stored()
        self.editor.setPlainText(self._shown)
        self._loading = False
        self._on_text()

    def _on_text(self) -> None:
        if self._loading:
            return
        dirty = self.is_dirty()
        self.save_btn.setEnabled(dirty)
        self.revert_btn.setEnabled(dirty)
        self.state.setText("Belum disimpan" if dirty else "")

    def save(self) -> bool:
        if not self.is_dirty():
            return True
        key = self._key
        title = N.NARASI_TITLES.get(key, key)
        ch = self.context.set_cell(cells.narasi(key), self.editor.toPlainText(),
                                   f"Ubah narasi {title}")
        if ch is None:  # refused: context.failed has said why
            return False
        self._shown = self.stored()
        if self.editor.toPlainText() != self._shown:  # the store cleaned it (control characters)
            self._load()
        self._on_text()
        self.state.setText("Tersimpan")
        self.saved.emit(key)
        return True

    def _on_changed(self, changes) -> None:
        # an undo/redo (or another page) changed the stored text: show it, unless the user has
        # typed something not yet saved (that stays, marked unsaved)
        if self._key is not None and self.stored() != self._shown:
            if self.is_dirty():
                self._shown = self.stored()
                self._on_text()
            else:
                self._load()
        if changes is not None and changes.touches and all(t.kind == "narasi" for t in changes.touches):
            return  # a written section saved: the generated sentences stay as they are
        self._lazy.mark()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._lazy.soon()

    def refresh_generated(self) -> None:
        self._lazy.stale = False
        svc = self.context.service
        try:
            if is_big(svc.wb):
                done, text = run_in_worker(self.window(), "Menyusun kalimat otomatis…", generated_text, svc)
                if not done:
                    self._lazy.stale = True  # made again when next shown or changed
                    self.generated.setPlainText("Kalimat otomatis belum disusun (dibatalkan).")
                    return
            else:
                text = generated_text(svc)
            self.generated.setPlainText(text)
        except Exception as exc:  # a half-filled workbook must not break the page
            self.generated.setPlainText(f"Kalimat otomatis belum dapat disusun: {exc}")
