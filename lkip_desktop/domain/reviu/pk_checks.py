"""Reviu of the Perjanjian Kinerja: the rules of ``domain.pk.consistency`` (targets against
the Renstra of the year, anggaran against the pagu, parties), one registered check per code,
plus the PK date against the reporting year."""

from __future__ import annotations

from ..compute import Calculator
from ..model import Workbook
from ..numbers import format_date
from ..pk import consistency, jenis_label
from .registry import KESALAHAN, PERINGATAN, Finding, ReviuSettings, check_of

THEME = "Perjanjian Kinerja"

# code -> (level, title, how to fix); the level is the one pk.consistency gives the code.
PK_CODES = {
    "pk-unit-hilang": (PERINGATAN, "Unit PK tidak ada lagi di anggaran",
                       "Pilih ulang program/kegiatan PK ini atau hapus versinya."),
    "pk-indikator-hilang": (PERINGATAN, "Indikator PK tidak ada lagi di Renstra",
                            "Hubungkan baris ini ke indikator Renstra yang benar atau hapus barisnya."),
    "pk-indikator-lain": (PERINGATAN, "Indikator PK milik unit lain",
                          "Ganti dengan indikator unit PK ini."),
    "pk-target": (KESALAHAN, "Target PK berbeda dengan target Renstra tahun ini",
                  "Samakan target PK dengan target Renstra tahun laporan (atau perbaiki targetnya di Renstra)."),
    "pk-iku-tidak-ada": (PERINGATAN, "IKU tidak tercantum di PK",
                         "Tambahkan IKU ini ke lampiran PK."),
    "pk-indikator-tidak-ada": (PERINGATAN, "Indikator unit tidak tercantum di PK",
                               "Tambahkan indikator ini ke lampiran PK."),
    "pk-program-hilang": (PERINGATAN, "Program PK tidak ada lagi di anggaran",
                          "Hubungkan baris ini ke program yang benar atau hapus barisnya."),
    "pk-program-lain": (PERINGATAN, "Program/kegiatan PK di luar unitnya",
                        "Ganti dengan program/kegiatan di bawah unit PK ini."),
    "pk-anggaran": (KESALAHAN, "Anggaran PK berbeda dengan pagu",
                    "Samakan anggaran PK dengan pagu di data anggaran (murni untuk PK murni, perubahan untuk "
                    "PK Perubahan)."),
    "pk-anggaran-murni": (PERINGATAN, "Anggaran murni di PK Perubahan berbeda dengan pagu murni",
                          "Samakan dengan pagu murni di data anggaran."),
    "pk-program-tidak-ada": (PERINGATAN, "Program/kegiatan unit tidak tercantum di PK",
                             "Tambahkan baris anggarannya ke lampiran PK."),
    "pk-total": (KESALAHAN, "Total anggaran PK berbeda dengan total pagu",
                 "Lengkapi atau perbaiki baris anggaran PK agar totalnya sama dengan total pagu."),
    "pk-pihak1": (PERINGATAN, "Nama pihak pertama kosong", "Isi nama pihak pertama."),
    "pk-pihak2": (PERINGATAN, "Nama pihak kedua kosong", "Isi nama pihak kedua."),
    "pk-nip-kosong": (PERINGATAN, "NIP pihak pertama kosong", "Isi NIP 18 digit pihak pertama."),
    "pk-nip-tidak-sah": (KESALAHAN, "NIP pihak pertama tidak sah", "Perbaiki NIP (18 digit, tanggal sah)."),
    "pk-pangkat": (PERINGATAN, "Pangkat tidak sesuai golongan", "Samakan pangkat dengan golongannya."),
    "pk-tanggal": (PERINGATAN, "Tanggal PK kosong", "Isi tanggal penandatanganan."),
    "pk-tempat": (PERINGATAN, "Tempat PK kosong", "Isi tempat penandatanganan."),
}


def _all_pk_findings(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """pk.consistency for every version, computed once per reviu run."""
    if "pk" not in settings.memo:
        out = []
        for pk in wb.pk_list():
            for w in consistency(wb, calc, pk.id):
                hint = PK_CODES.get(w.code, (None, None, ""))[2]
                message = f"{w.message} {hint}".strip()
                out.append(Finding(w.level, w.code, message, w.where, w.table, w.key, w.field))
        settings.memo["pk"] = out
    return settings.memo["pk"]


def _register(code: str, level: str, title: str) -> None:
    def run(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
        return [f for f in _all_pk_findings(wb, calc, settings) if f.code == code]

    check_of(code, level, title, THEME)(run)


for _code, (_level, _title, _hint) in PK_CODES.items():
    _register(_code, _level, _title)


@check_of("pk-tahun", PERINGATAN, "Tanggal PK di luar tahun laporan", THEME)
def pk_tahun(wb: Workbook, calc: Calculator, settings: ReviuSettings) -> list[Finding]:
    """A PK is signed in the reporting year; a PK murni may be signed in December of the year
    before, once the DPA is approved (M53 Lamp. I: within a month of the DPA)."""
    tahun = wb.settings.tahun
    out = []
    for pk in wb.pk_list():
        d = pk.tanggal
        if d is None or d.year == tahun or (pk.jenis == "murni" and d.year == tahun - 1 and d.month == 12):
            continue
        out.append(Finding(PERINGATAN, "pk-tahun",
                           f"Tanggal PK {format_date(d)} tidak berada di tahun laporan {tahun}. PK ditandatangani "
                           "paling lambat sebulan setelah DPA tahun itu disahkan: periksa tahun tanggalnya.",
                           jenis_label(pk, wb), "pk_version", (pk.id,), "tanggal"))
    return out
