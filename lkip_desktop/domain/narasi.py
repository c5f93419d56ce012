"""The LKIP's free sections the user writes (table ``narasi``), in report order: key, title,
hint. The report prints them; the reviu checks them and names them by their titles."""

from __future__ import annotations

NARASI = [
    ("kata_pengantar", "Kata Pengantar", "Pengantar dari kepala perangkat daerah."),
    ("bab1.latar_belakang", "Bab I – Latar Belakang", "Dasar hukum dan maksud penyusunan LKIP."),
    ("bab1.tugas_fungsi", "Bab I – Tugas Pokok dan Fungsi", "Kedudukan, tugas pokok dan fungsi perangkat daerah."),
    ("bab1.struktur", "Bab I – Struktur Organisasi dan Sumber Daya",
     "Susunan organisasi, jumlah pegawai, sarana dan prasarana."),
    ("bab1.isu_strategis", "Bab I – Aspek Strategis dan Permasalahan Utama",
     "Isu strategis dan permasalahan utama yang dihadapi."),
    ("bab2.renstra", "Bab II – Rencana Strategis", "Visi, misi, tujuan dan sasaran Renstra."),
    ("renstra.strategi", "Renstra – Strategi dan Arah Kebijakan",
     "Strategi dan arah kebijakan Renstra; dicetak di atas Tabel Strategi, Program, Kegiatan."),
    ("bab4.langkah", "Bab IV – Langkah ke Depan", "Rencana perbaikan kinerja tahun berikutnya."),
]
NARASI_TITLES = {k: t for k, t, _h in NARASI}


def narasi_place(kunci: str) -> str:
    """Where a narasi is, in the user's words ("Narasi Bab IV – Langkah ke Depan")."""
    return f"Narasi {NARASI_TITLES.get(kunci, kunci)}"
