"""The .lkip file layout: tables, their keys, and the kind of every editable field.

A field's kind (``kinds``) says how a Python value is stored (Decimal as exact TEXT, never
REAL; rupiah as INTEGER) and how user text is parsed. Migrations are numbered steps; the
schema version is ``PRAGMA user_version``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.model import SDM_KATEGORI
from .kinds import (
    BOOL,
    DATE,
    DECIMAL,
    IMAGE,
    INT,
    NIP,
    OPT_RUPIAH,
    OPT_TEXT,
    RUPIAH,
    SIGNED_RUPIAH,
    TEXT,
    VALUE,
    Kind,
    enum,
)

APPLICATION_ID = 0x4C4B4950  # "LKIP": tells our files from any other SQLite file
SCHEMA_VERSION = 6

# -- migrations: one function per step, run in order inside one exclusive transaction ---

V1 = """
CREATE TABLE opd (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    nama TEXT NOT NULL DEFAULT '', singkatan TEXT NOT NULL DEFAULT '', kode TEXT NOT NULL DEFAULT '',
    kota TEXT NOT NULL DEFAULT '', provinsi TEXT NOT NULL DEFAULT '',
    kepala_nama TEXT NOT NULL DEFAULT '', kepala_jabatan TEXT NOT NULL DEFAULT '',
    kepala_pangkat TEXT NOT NULL DEFAULT '', kepala_golongan TEXT NOT NULL DEFAULT '',
    kepala_nip TEXT NOT NULL DEFAULT '',
    atasan_nama TEXT NOT NULL DEFAULT '', atasan_jabatan TEXT NOT NULL DEFAULT ''
);
CREATE TABLE settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    tahun INTEGER NOT NULL, renstra_awal INTEGER NOT NULL, renstra_akhir INTEGER NOT NULL,
    polaritas_negatif TEXT NOT NULL DEFAULT 'linear', batas_bawah_nol INTEGER NOT NULL DEFAULT 1,
    batas_capaian TEXT, target_nol TEXT NOT NULL DEFAULT 'none', predikat_beda TEXT NOT NULL DEFAULT 'rank',
    efisiensi TEXT NOT NULL DEFAULT 'E1', skala TEXT NOT NULL DEFAULT 'd86',
    rata_rata TEXT NOT NULL DEFAULT 'iku', perubahan_berlaku INTEGER NOT NULL DEFAULT 1,
    capaian_wajar_maks TEXT NOT NULL DEFAULT '150', kertas TEXT NOT NULL DEFAULT 'A4'
);
CREATE TABLE tujuan (
    id TEXT PRIMARY KEY, kode TEXT NOT NULL DEFAULT '', nama TEXT NOT NULL, urut INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sasaran (
    id TEXT PRIMARY KEY, tujuan_id TEXT NOT NULL REFERENCES tujuan(id) ON DELETE CASCADE,
    kode TEXT NOT NULL DEFAULT '', nama TEXT NOT NULL, urut INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE budget_item (
    id TEXT PRIMARY KEY, level TEXT NOT NULL CHECK (level IN ('program','kegiatan','sub_kegiatan')),
    parent_id TEXT REFERENCES budget_item(id) ON DELETE CASCADE,
    kode TEXT NOT NULL DEFAULT '', nama TEXT NOT NULL, sumber_dana TEXT NOT NULL DEFAULT 'APBD',
    pagu_murni INTEGER NOT NULL DEFAULT 0 CHECK (pagu_murni >= 0),
    pagu_perubahan INTEGER NOT NULL DEFAULT 0 CHECK (pagu_perubahan >= 0),
    realisasi INTEGER CHECK (realisasi IS NULL OR realisasi >= 0),
    satuan_fisik TEXT NOT NULL DEFAULT '', urut INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX budget_item_parent ON budget_item(parent_id);
CREATE TABLE budget_quarter (
    item_id TEXT NOT NULL REFERENCES budget_item(id) ON DELETE CASCADE,
    triwulan INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    target_fisik TEXT, realisasi_fisik TEXT,
    target_keuangan INTEGER, realisasi_keuangan INTEGER,
    target_keuangan_persen TEXT, realisasi_keuangan_persen TEXT,
    PRIMARY KEY (item_id, triwulan)
);
CREATE TABLE indicator (
    id TEXT PRIMARY KEY,
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('tujuan','sasaran','program','kegiatan','sub_kegiatan')),
    owner_id TEXT NOT NULL, kode TEXT NOT NULL DEFAULT '', nama TEXT NOT NULL,
    satuan TEXT NOT NULL DEFAULT '', jenis TEXT NOT NULL DEFAULT 'angka',
    polaritas TEXT NOT NULL DEFAULT 'positif', alasan TEXT NOT NULL DEFAULT '',
    rumus TEXT NOT NULL DEFAULT '', rumus_komponen TEXT NOT NULL DEFAULT '',
    desimal INTEGER NOT NULL DEFAULT 2, kumulatif INTEGER NOT NULL DEFAULT 0,
    urut INTEGER NOT NULL DEFAULT 0, penjelasan TEXT NOT NULL DEFAULT '',
    analisis_keberhasilan TEXT NOT NULL DEFAULT '', analisis_penghambat TEXT NOT NULL DEFAULT '',
    langkah_perbaikan TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicator_owner ON indicator(owner_id);
CREATE TABLE indicator_value (
    indicator_id TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    tahun INTEGER NOT NULL, jenis_nilai TEXT NOT NULL CHECK (jenis_nilai IN ('target','realisasi')),
    periode INTEGER NOT NULL CHECK (periode BETWEEN 0 AND 4), nilai TEXT NOT NULL,
    PRIMARY KEY (indicator_id, tahun, jenis_nilai, periode)
);
CREATE TABLE komponen (
    indicator_id TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    tahun INTEGER NOT NULL, nama TEXT NOT NULL, nilai TEXT NOT NULL,
    PRIMARY KEY (indicator_id, tahun, nama)
);
CREATE TABLE dukungan (
    indicator_id TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES budget_item(id) ON DELETE CASCADE,
    PRIMARY KEY (indicator_id, item_id)
);
CREATE TABLE prestasi (
    id TEXT PRIMARY KEY, tanggal TEXT, uraian TEXT NOT NULL, pemberi TEXT NOT NULL DEFAULT '',
    urut INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE pk_version (
    id TEXT PRIMARY KEY, jenis TEXT NOT NULL DEFAULT 'murni' CHECK (jenis IN ('murni','perubahan')),
    tempat TEXT NOT NULL DEFAULT '', tanggal TEXT,
    pihak1_nama TEXT NOT NULL DEFAULT '', pihak1_jabatan TEXT NOT NULL DEFAULT '',
    pihak1_pangkat TEXT NOT NULL DEFAULT '', pihak1_golongan TEXT NOT NULL DEFAULT '',
    pihak1_nip TEXT NOT NULL DEFAULT '', pihak2_nama TEXT NOT NULL DEFAULT '',
    pihak2_jabatan TEXT NOT NULL DEFAULT '', teks TEXT NOT NULL DEFAULT '',
    ditandatangani INTEGER NOT NULL DEFAULT 0, urut INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE pk_sasaran (
    id TEXT PRIMARY KEY, pk_id TEXT NOT NULL REFERENCES pk_version(id) ON DELETE CASCADE,
    sasaran TEXT NOT NULL DEFAULT '', indikator TEXT NOT NULL DEFAULT '', satuan TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '', indicator_id TEXT, urut INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE pk_program (
    id TEXT PRIMARY KEY, pk_id TEXT NOT NULL REFERENCES pk_version(id) ON DELETE CASCADE,
    program TEXT NOT NULL DEFAULT '', anggaran INTEGER NOT NULL DEFAULT 0, anggaran_murni INTEGER,
    keterangan TEXT NOT NULL DEFAULT 'APBD', item_id TEXT, urut INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, waktu TEXT NOT NULL, pengguna TEXT NOT NULL,
    aksi TEXT NOT NULL, tabel TEXT NOT NULL, kunci TEXT NOT NULL, kolom TEXT,
    lama TEXT, baru TEXT, label TEXT
);
CREATE INDEX audit_cell ON audit(tabel, kunci, kolom);
"""

# v2: free text of the report per section (Bab I context, conclusions), edited in the app.
V2 = """
CREATE TABLE narasi (kunci TEXT PRIMARY KEY, teks TEXT NOT NULL DEFAULT '');
"""

# v3: the Pemda logo kept in the workbook (files move between PCs; a path would not), and
# whether printed dates are zero-padded.
V3 = """
ALTER TABLE opd ADD COLUMN logo BLOB;
ALTER TABLE settings ADD COLUMN tanggal_nol INTEGER NOT NULL DEFAULT 1;
"""

# v4: what a lower-level PK (eselon III/IV) was signed with stays on record: its level and
# unit, and pihak kedua's pangkat/golongan/NIP, frozen at signing (NULL = derive, for drafts).
V4 = """
ALTER TABLE pk_version ADD COLUMN eselon INTEGER CHECK (eselon IS NULL OR eselon IN (2, 3, 4));
ALTER TABLE pk_version ADD COLUMN unit_id TEXT;
ALTER TABLE pk_version ADD COLUMN pihak2_pangkat TEXT;
ALTER TABLE pk_version ADD COLUMN pihak2_golongan TEXT;
ALTER TABLE pk_version ADD COLUMN pihak2_nip TEXT;
"""

# v5: what real LKIPs print beyond the demo: figures on every budget row (a per-workbook
# choice), program groups (BLU / Non-BLU) with subtotals, the signature block's place,
# date and Plt./Plh. status, and the staff (SDM) counts of Bab I.
V5 = """
ALTER TABLE settings ADD COLUMN rincian_anggaran INTEGER NOT NULL DEFAULT 0;
ALTER TABLE budget_item ADD COLUMN kelompok TEXT NOT NULL DEFAULT '';
ALTER TABLE opd ADD COLUMN ttd_tempat TEXT NOT NULL DEFAULT '';
ALTER TABLE opd ADD COLUMN ttd_tanggal TEXT;
ALTER TABLE opd ADD COLUMN kepala_status TEXT NOT NULL DEFAULT '' CHECK (kepala_status IN ('', 'Plt.', 'Plh.'));
CREATE TABLE sdm (
    id TEXT PRIMARY KEY,
    kategori TEXT NOT NULL CHECK (kategori IN ('golongan','pendidikan','jabatan')),
    uraian TEXT NOT NULL DEFAULT '', jumlah INTEGER NOT NULL DEFAULT 0 CHECK (jumlah >= 0),
    urut INTEGER NOT NULL DEFAULT 0
);
"""

# v6: what each OPD shapes itself. The table catalogue: one row per standard table the OPD
# changed (id = the table's key; an empty field = the standard choice), and its own rating
# scale (settings.skala = 'kustom': bands in skala_pita), the scale's name in the prose and
# the text printed where there is no data.
V6 = """
CREATE TABLE tabel_laporan (
    id TEXT PRIMARY KEY, tampil INTEGER NOT NULL DEFAULT 1, urut INTEGER,
    nomor TEXT NOT NULL DEFAULT '', judul TEXT NOT NULL DEFAULT '', sumber TEXT NOT NULL DEFAULT '',
    nomor_kolom INTEGER NOT NULL DEFAULT 0,
    kertas TEXT NOT NULL DEFAULT '' CHECK (kertas IN ('', 'A4', 'F4')),
    orientasi TEXT NOT NULL DEFAULT '' CHECK (orientasi IN ('', 'portrait', 'landscape'))
);
CREATE TABLE skala_pita (
    id TEXT PRIMARY KEY, batas_bawah TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',
    inklusif INTEGER NOT NULL DEFAULT 1, urut INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE settings ADD COLUMN skala_nama TEXT NOT NULL DEFAULT '';
ALTER TABLE settings ADD COLUMN teks_tanpa_data TEXT NOT NULL DEFAULT 'n/a';
"""

MIGRATIONS: dict[int, str] = {1: V1, 2: V2, 3: V3, 4: V4, 5: V5, 6: V6}  # step N brings user_version N-1 to N

REQUIRED_TABLES = {
    "opd", "settings", "tujuan", "sasaran", "budget_item", "budget_quarter", "indicator",
    "indicator_value", "komponen", "dukungan", "prestasi", "pk_version", "pk_sasaran",
    "pk_program", "audit",
}


@dataclass(frozen=True)
class Table:
    """One table of the file: its key, its columns' kinds, its name for people."""
    name: str
    key: tuple[str, ...]
    fields: dict[str, Kind]
    label: str  # Indonesian, for history and messages


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table("opd", ("id",), {
            "nama": TEXT, "singkatan": TEXT, "kode": TEXT, "kota": TEXT, "provinsi": TEXT,
            "kepala_nama": TEXT, "kepala_jabatan": TEXT, "kepala_pangkat": TEXT, "kepala_golongan": TEXT,
            "kepala_nip": NIP, "atasan_nama": TEXT, "atasan_jabatan": TEXT, "logo": IMAGE,
            "ttd_tempat": TEXT, "ttd_tanggal": DATE, "kepala_status": enum("", "Plt.", "Plh."),
        }, "Profil OPD"),
        Table("settings", ("id",), {
            "tahun": INT, "renstra_awal": INT, "renstra_akhir": INT,
            "polaritas_negatif": enum("linear", "ratio"), "batas_bawah_nol": BOOL,
            "batas_capaian": Kind("decimal", non_negative=True), "target_nol": enum("none", "practice"),
            "predikat_beda": enum("rank", "binary"), "efisiensi": enum("E1", "E2", "E3"),
            "skala": enum("d86", "lokal7", "lima", "kustom"), "rata_rata": enum("iku", "sasaran"),
            "perubahan_berlaku": BOOL, "capaian_wajar_maks": Kind("decimal", nullable=False, non_negative=True),
            "kertas": enum("A4", "F4"), "tanggal_nol": BOOL, "rincian_anggaran": BOOL,
            "skala_nama": TEXT, "teks_tanpa_data": TEXT,
        }, "Pengaturan"),
        Table("tujuan", ("id",), {"kode": TEXT, "nama": TEXT, "urut": INT}, "Tujuan"),
        Table("sasaran", ("id",), {"tujuan_id": TEXT, "kode": TEXT, "nama": TEXT, "urut": INT}, "Sasaran"),
        Table("budget_item", ("id",), {
            "level": enum("program", "kegiatan", "sub_kegiatan"), "parent_id": OPT_TEXT, "kode": TEXT,
            "nama": TEXT, "sumber_dana": TEXT, "pagu_murni": RUPIAH, "pagu_perubahan": RUPIAH,
            "realisasi": OPT_RUPIAH, "satuan_fisik": TEXT, "urut": INT, "kelompok": TEXT,
        }, "Program/Kegiatan/Sub Kegiatan"),
        Table("budget_quarter", ("item_id", "triwulan"), {
            "target_fisik": DECIMAL, "realisasi_fisik": Kind("decimal", non_negative=True),
            "target_keuangan": SIGNED_RUPIAH, "realisasi_keuangan": OPT_RUPIAH,
            "target_keuangan_persen": DECIMAL, "realisasi_keuangan_persen": Kind("decimal", non_negative=True),
        }, "Triwulan"),
        Table("indicator", ("id",), {
            "owner_kind": enum("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"), "owner_id": TEXT,
            "kode": TEXT, "nama": TEXT, "satuan": TEXT, "jenis": enum("angka", "persen", "indeks", "predikat"),
            "polaritas": enum("positif", "negatif"), "alasan": TEXT, "rumus": TEXT, "rumus_komponen": TEXT,
            "desimal": INT, "kumulatif": BOOL, "urut": INT, "penjelasan": TEXT,
            "analisis_keberhasilan": TEXT, "analisis_penghambat": TEXT, "langkah_perbaikan": TEXT,
        }, "Indikator"),
        Table("indicator_value", ("indicator_id", "tahun", "jenis_nilai", "periode"), {"nilai": VALUE},
              "Target/Realisasi"),
        Table("komponen", ("indicator_id", "tahun", "nama"), {"nilai": Kind("decimal", nullable=False)},
              "Komponen"),
        Table("dukungan", ("indicator_id", "item_id"), {}, "Dukungan anggaran"),
        Table("prestasi", ("id",), {"tanggal": DATE, "uraian": TEXT, "pemberi": TEXT, "urut": INT}, "Prestasi"),
        Table("pk_version", ("id",), {
            "jenis": enum("murni", "perubahan"), "tempat": TEXT, "tanggal": DATE,
            "pihak1_nama": TEXT, "pihak1_jabatan": TEXT, "pihak1_pangkat": TEXT, "pihak1_golongan": TEXT,
            "pihak1_nip": NIP, "pihak2_nama": TEXT, "pihak2_jabatan": TEXT, "teks": TEXT,
            "ditandatangani": BOOL, "urut": INT, "eselon": Kind("int"), "unit_id": OPT_TEXT,
            "pihak2_pangkat": OPT_TEXT, "pihak2_golongan": OPT_TEXT, "pihak2_nip": OPT_TEXT,
        }, "Perjanjian Kinerja"),
        Table("pk_sasaran", ("id",), {
            "pk_id": TEXT, "sasaran": TEXT, "indikator": TEXT, "satuan": TEXT, "target": TEXT,
            "indicator_id": OPT_TEXT, "urut": INT,
        }, "Baris sasaran PK"),
        Table("pk_program", ("id",), {
            "pk_id": TEXT, "program": TEXT, "anggaran": RUPIAH, "anggaran_murni": OPT_RUPIAH,
            "keterangan": TEXT, "item_id": OPT_TEXT, "urut": INT,
        }, "Baris program PK"),
        Table("narasi", ("kunci",), {"teks": TEXT}, "Narasi"),
        Table("sdm", ("id",), {
            "kategori": enum(*SDM_KATEGORI), "uraian": TEXT, "jumlah": Kind("int", nullable=False, non_negative=True),
            "urut": INT,
        }, "Sumber daya manusia"),
        Table("tabel_laporan", ("id",), {
            "tampil": BOOL, "urut": Kind("int"), "nomor": TEXT, "judul": TEXT, "sumber": TEXT,
            "nomor_kolom": BOOL, "kertas": enum("", "A4", "F4"), "orientasi": enum("", "portrait", "landscape"),
        }, "Katalog tabel"),
        Table("skala_pita", ("id",), {
            "batas_bawah": Kind("decimal", nullable=False), "label": TEXT, "inklusif": BOOL, "urut": INT,
        }, "Skala penilaian"),
    ]
}

# The order an open reads the tables in: parents before the rows that hang off them (the
# narasi last: it is only checked, reports read it when they need it).
LOAD_ORDER = ("opd", "settings", "tujuan", "sasaran", "budget_item", "indicator", "prestasi", "pk_version",
              "pk_sasaran", "pk_program", "budget_quarter", "indicator_value", "komponen", "dukungan", "sdm",
              "tabel_laporan", "skala_pita", "narasi")
# What a read-only open's second connection reads ahead (``read_ahead``), one statement per
# batch; the load reads the other tables itself. The quarterly rows are scanned while the
# load works on the items and indicators, the indicator values and the rest while it checks
# the quarterly rows (the big tables of a big workbook, each ready before the load asks).
READ_AHEAD = (("budget_quarter",),
              ("indicator_value", "komponen", "dukungan", "sdm", "tabel_laporan", "skala_pita", "narasi"))

# Value tables: a cell set to None deletes its row (no row = empty).
VALUE_TABLES = {"indicator_value", "komponen"}
# Rows created on first write (upsert), e.g. a triwulan of a budget item.
UPSERT_TABLES = {"indicator_value", "komponen", "budget_quarter", "narasi", "tabel_laporan"}

# What hangs off a row, for capturing a subtree before a delete (so undo restores it all).
CHILDREN: dict[str, list[tuple[str, str]]] = {
    "tujuan": [("sasaran", "tujuan_id"), ("indicator", "owner_id")],
    "sasaran": [("indicator", "owner_id")],
    "budget_item": [("budget_item", "parent_id"), ("indicator", "owner_id"), ("budget_quarter", "item_id"),
                    ("dukungan", "item_id")],
    "indicator": [("indicator_value", "indicator_id"), ("komponen", "indicator_id"), ("dukungan", "indicator_id")],
    "pk_version": [("pk_sasaran", "pk_id"), ("pk_program", "pk_id")],
}
