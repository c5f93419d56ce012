"""Every stored field's name in the user's words (Riwayat, messages): the one label map,
kept beside the schema; a test checks that every field of ``schema.TABLES`` has one."""

from __future__ import annotations

_KEPALA = {"nama": "Nama", "jabatan": "Jabatan", "pangkat": "Pangkat", "golongan": "Golongan", "nip": "NIP"}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "opd": {
        "nama": "Nama perangkat daerah", "singkatan": "Singkatan", "kode": "Kode", "kota": "Kota/kabupaten",
        "provinsi": "Provinsi", **{f"kepala_{k}": f"{v} kepala" for k, v in _KEPALA.items()},
        "atasan_nama": "Nama atasan", "atasan_jabatan": "Jabatan atasan", "logo": "Logo Pemda",
        "ttd_tempat": "Tempat tanda tangan", "ttd_tanggal": "Tanggal tanda tangan",
        "kepala_status": "Status kepala (Plt./Plh.)",
    },
    "settings": {
        "tahun": "Tahun laporan", "renstra_awal": "Awal Renstra", "renstra_akhir": "Akhir Renstra",
        "polaritas_negatif": "Rumus polaritas negatif", "batas_bawah_nol": "Capaian negatif dibatasi 0",
        "batas_capaian": "Batas atas capaian (%)", "target_nol": "Aturan target nol",
        "predikat_beda": "Aturan predikat berbeda", "efisiensi": "Rumus efisiensi", "skala": "Skala predikat",
        "rata_rata": "Cara rata-rata capaian", "perubahan_berlaku": "APBD Perubahan berlaku",
        "capaian_wajar_maks": "Capaian wajar maksimum (%)", "kertas": "Ukuran kertas",
        "tanggal_nol": "Tanggal dengan nol di depan",
        "rincian_anggaran": "Capaian dan efisiensi tiap baris anggaran",
        "skala_nama": "Nama skala penilaian", "teks_tanpa_data": "Teks bila tidak ada data",
    },
    "skala_pita": {"batas_bawah": "Batas bawah rentang", "label": "Kriteria rentang",
                   "inklusif": "Batas bawah termasuk (≥)", "urut": "Urutan"},
    "tujuan": {"kode": "Kode", "nama": "Nama tujuan", "urut": "Urutan"},
    "sdm": {"kategori": "Kategori SDM", "uraian": "Uraian SDM", "jumlah": "Jumlah pegawai", "urut": "Urutan"},
    "sasaran": {"tujuan_id": "Tujuan", "kode": "Kode", "nama": "Nama sasaran", "urut": "Urutan"},
    "budget_item": {
        "level": "Tingkat", "parent_id": "Induk", "kode": "Kode", "nama": "Nama", "sumber_dana": "Sumber dana",
        "pagu_murni": "Pagu murni (Rp)", "pagu_perubahan": "Pagu perubahan (Rp)", "realisasi": "Realisasi (Rp)",
        "satuan_fisik": "Satuan fisik", "urut": "Urutan", "kelompok": "Kelompok program",
    },
    "budget_quarter": {
        "target_fisik": "Target fisik", "realisasi_fisik": "Realisasi fisik",
        "target_keuangan": "Target keuangan (Rp)", "realisasi_keuangan": "Realisasi keuangan (Rp)",
        "target_keuangan_persen": "Target keuangan (%)", "realisasi_keuangan_persen": "Realisasi keuangan (%)",
    },
    "indicator": {
        "owner_kind": "Jenis induk", "owner_id": "Induk", "kode": "Kode", "nama": "Nama indikator",
        "satuan": "Satuan", "jenis": "Jenis nilai", "polaritas": "Polaritas", "alasan": "Alasan",
        "rumus": "Rumus (teks Renstra)", "rumus_komponen": "Rumus komponen", "desimal": "Jumlah desimal",
        "kumulatif": "Kumulatif", "urut": "Urutan", "penjelasan": "Penjelasan tambahan",
        "analisis_keberhasilan": "Faktor keberhasilan", "analisis_penghambat": "Faktor penghambat",
        "langkah_perbaikan": "Langkah perbaikan",
    },
    "indicator_value": {"nilai": "Nilai"},
    "komponen": {"nilai": "Nilai komponen"},
    "dukungan": {},
    "prestasi": {"tanggal": "Tanggal", "uraian": "Uraian", "pemberi": "Pemberi", "urut": "Urutan"},
    "pk_version": {
        "jenis": "Jenis PK", "tempat": "Tempat", "tanggal": "Tanggal", "teks": "Teks perjanjian",
        "ditandatangani": "Ditandatangani", "urut": "Urutan", "eselon": "Eselon", "unit_id": "Unit",
        **{f"pihak1_{k}": f"{v} pihak pertama" for k, v in _KEPALA.items()},
        **{f"pihak2_{k}": f"{v} pihak kedua" for k, v in _KEPALA.items()},
    },
    "pk_sasaran": {"pk_id": "PK", "sasaran": "Sasaran", "indikator": "Indikator", "satuan": "Satuan",
                   "target": "Target", "indicator_id": "Indikator terkait", "urut": "Urutan"},
    "pk_program": {"pk_id": "PK", "program": "Program", "anggaran": "Anggaran (Rp)",
                   "anggaran_murni": "Anggaran murni (Rp)", "keterangan": "Keterangan",
                   "item_id": "Program terkait", "urut": "Urutan"},
    "narasi": {"teks": "Teks"},
    "tabel_laporan": {
        "tampil": "Tabel ditampilkan", "urut": "Urutan tabel", "nomor": "Nomor tabel", "judul": "Judul tabel",
        "sumber": "Sumber data tabel", "nomor_kolom": "Baris nomor kolom", "kertas": "Kertas tabel",
        "orientasi": "Orientasi tabel",
    },
    "skala_pita": {"batas_bawah": "Batas bawah", "label": "Kriteria", "inklusif": "Batas termasuk (≥)",
                   "urut": "Urutan"},
}


def field_label(table: str, field: str) -> str:
    """"Realisasi keuangan (%)" for ("budget_quarter", "realisasi_keuangan_persen"); an unknown
    field (a foreign audit row) keeps its column name."""
    return FIELD_LABELS.get(table, {}).get(field, field)
