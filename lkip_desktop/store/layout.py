"""The sqlite_master of a workbook of the current format, normalised (``structure``): written
out by ``structure.layout_source`` so an open does not make it in a scratch database.
Generated; tests/store/test_database.py keeps it equal to what the migrations make."""

VERSION = 6

ENTRIES = {
    'audit': ('table', 'audit', 'audit',
        'CREATE TABLE audit ( id INTEGER PRIMARY KEY AUTOINCREMENT, waktu TEXT NOT NULL, '
        'pengguna TEXT NOT NULL, aksi TEXT NOT NULL, tabel TEXT NOT NULL, kunci TEXT NOT '
        'NULL, kolom TEXT, lama TEXT, baru TEXT, label TEXT )'),
    'audit_cell': ('index', 'audit_cell', 'audit',
        'CREATE INDEX audit_cell ON audit(tabel, kunci, kolom)'),
    'budget_item': ('table', 'budget_item', 'budget_item',
        'CREATE TABLE budget_item ( id TEXT PRIMARY KEY, level TEXT NOT NULL CHECK (level'
        " IN ('program','kegiatan','sub_kegiatan')), parent_id TEXT REFERENCES "
        "budget_item(id) ON DELETE CASCADE, kode TEXT NOT NULL DEFAULT '', nama TEXT NOT "
        "NULL, sumber_dana TEXT NOT NULL DEFAULT 'APBD', pagu_murni INTEGER NOT NULL "
        'DEFAULT 0 CHECK (pagu_murni >= 0), pagu_perubahan INTEGER NOT NULL DEFAULT 0 '
        'CHECK (pagu_perubahan >= 0), realisasi INTEGER CHECK (realisasi IS NULL OR '
        "realisasi >= 0), satuan_fisik TEXT NOT NULL DEFAULT '', urut INTEGER NOT NULL "
        "DEFAULT 0 , kelompok TEXT NOT NULL DEFAULT '')"),
    'budget_item_parent': ('index', 'budget_item_parent', 'budget_item',
        'CREATE INDEX budget_item_parent ON budget_item(parent_id)'),
    'budget_quarter': ('table', 'budget_quarter', 'budget_quarter',
        'CREATE TABLE budget_quarter ( item_id TEXT NOT NULL REFERENCES budget_item(id) '
        'ON DELETE CASCADE, triwulan INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4), '
        'target_fisik TEXT, realisasi_fisik TEXT, target_keuangan INTEGER, '
        'realisasi_keuangan INTEGER, target_keuangan_persen TEXT, '
        'realisasi_keuangan_persen TEXT, PRIMARY KEY (item_id, triwulan) )'),
    'dukungan': ('table', 'dukungan', 'dukungan',
        'CREATE TABLE dukungan ( indicator_id TEXT NOT NULL REFERENCES indicator(id) ON '
        'DELETE CASCADE, item_id TEXT NOT NULL REFERENCES budget_item(id) ON DELETE '
        'CASCADE, PRIMARY KEY (indicator_id, item_id) )'),
    'indicator': ('table', 'indicator', 'indicator',
        'CREATE TABLE indicator ( id TEXT PRIMARY KEY, owner_kind TEXT NOT NULL CHECK '
        "(owner_kind IN ('tujuan','sasaran','program','kegiatan','sub_kegiatan')), "
        "owner_id TEXT NOT NULL, kode TEXT NOT NULL DEFAULT '', nama TEXT NOT NULL, "
        "satuan TEXT NOT NULL DEFAULT '', jenis TEXT NOT NULL DEFAULT 'angka', polaritas "
        "TEXT NOT NULL DEFAULT 'positif', alasan TEXT NOT NULL DEFAULT '', rumus TEXT NOT"
        " NULL DEFAULT '', rumus_komponen TEXT NOT NULL DEFAULT '', desimal INTEGER NOT "
        'NULL DEFAULT 2, kumulatif INTEGER NOT NULL DEFAULT 0, urut INTEGER NOT NULL '
        "DEFAULT 0, penjelasan TEXT NOT NULL DEFAULT '', analisis_keberhasilan TEXT NOT "
        "NULL DEFAULT '', analisis_penghambat TEXT NOT NULL DEFAULT '', langkah_perbaikan"
        " TEXT NOT NULL DEFAULT '' )"),
    'indicator_owner': ('index', 'indicator_owner', 'indicator',
        'CREATE INDEX indicator_owner ON indicator(owner_id)'),
    'indicator_value': ('table', 'indicator_value', 'indicator_value',
        'CREATE TABLE indicator_value ( indicator_id TEXT NOT NULL REFERENCES '
        'indicator(id) ON DELETE CASCADE, tahun INTEGER NOT NULL, jenis_nilai TEXT NOT '
        "NULL CHECK (jenis_nilai IN ('target','realisasi')), periode INTEGER NOT NULL "
        'CHECK (periode BETWEEN 0 AND 4), nilai TEXT NOT NULL, PRIMARY KEY (indicator_id,'
        ' tahun, jenis_nilai, periode) )'),
    'komponen': ('table', 'komponen', 'komponen',
        'CREATE TABLE komponen ( indicator_id TEXT NOT NULL REFERENCES indicator(id) ON '
        'DELETE CASCADE, tahun INTEGER NOT NULL, nama TEXT NOT NULL, nilai TEXT NOT NULL,'
        ' PRIMARY KEY (indicator_id, tahun, nama) )'),
    'narasi': ('table', 'narasi', 'narasi',
        "CREATE TABLE narasi (kunci TEXT PRIMARY KEY, teks TEXT NOT NULL DEFAULT '')"),
    'opd': ('table', 'opd', 'opd',
        'CREATE TABLE opd ( id INTEGER PRIMARY KEY CHECK (id = 1), nama TEXT NOT NULL '
        "DEFAULT '', singkatan TEXT NOT NULL DEFAULT '', kode TEXT NOT NULL DEFAULT '', "
        "kota TEXT NOT NULL DEFAULT '', provinsi TEXT NOT NULL DEFAULT '', kepala_nama "
        "TEXT NOT NULL DEFAULT '', kepala_jabatan TEXT NOT NULL DEFAULT '', "
        "kepala_pangkat TEXT NOT NULL DEFAULT '', kepala_golongan TEXT NOT NULL DEFAULT "
        "'', kepala_nip TEXT NOT NULL DEFAULT '', atasan_nama TEXT NOT NULL DEFAULT '', "
        "atasan_jabatan TEXT NOT NULL DEFAULT '' , logo BLOB, ttd_tempat TEXT NOT NULL "
        "DEFAULT '', ttd_tanggal TEXT, kepala_status TEXT NOT NULL DEFAULT '' CHECK "
        "(kepala_status IN ('', 'Plt.', 'Plh.')))"),
    'pk_program': ('table', 'pk_program', 'pk_program',
        'CREATE TABLE pk_program ( id TEXT PRIMARY KEY, pk_id TEXT NOT NULL REFERENCES '
        "pk_version(id) ON DELETE CASCADE, program TEXT NOT NULL DEFAULT '', anggaran "
        'INTEGER NOT NULL DEFAULT 0, anggaran_murni INTEGER, keterangan TEXT NOT NULL '
        "DEFAULT 'APBD', item_id TEXT, urut INTEGER NOT NULL DEFAULT 0 )"),
    'pk_sasaran': ('table', 'pk_sasaran', 'pk_sasaran',
        'CREATE TABLE pk_sasaran ( id TEXT PRIMARY KEY, pk_id TEXT NOT NULL REFERENCES '
        "pk_version(id) ON DELETE CASCADE, sasaran TEXT NOT NULL DEFAULT '', indikator "
        "TEXT NOT NULL DEFAULT '', satuan TEXT NOT NULL DEFAULT '', target TEXT NOT NULL "
        "DEFAULT '', indicator_id TEXT, urut INTEGER NOT NULL DEFAULT 0 )"),
    'pk_version': ('table', 'pk_version', 'pk_version',
        'CREATE TABLE pk_version ( id TEXT PRIMARY KEY, jenis TEXT NOT NULL DEFAULT '
        "'murni' CHECK (jenis IN ('murni','perubahan')), tempat TEXT NOT NULL DEFAULT '',"
        " tanggal TEXT, pihak1_nama TEXT NOT NULL DEFAULT '', pihak1_jabatan TEXT NOT "
        "NULL DEFAULT '', pihak1_pangkat TEXT NOT NULL DEFAULT '', pihak1_golongan TEXT "
        "NOT NULL DEFAULT '', pihak1_nip TEXT NOT NULL DEFAULT '', pihak2_nama TEXT NOT "
        "NULL DEFAULT '', pihak2_jabatan TEXT NOT NULL DEFAULT '', teks TEXT NOT NULL "
        "DEFAULT '', ditandatangani INTEGER NOT NULL DEFAULT 0, urut INTEGER NOT NULL "
        'DEFAULT 0 , eselon INTEGER CHECK (eselon IS NULL OR eselon IN (2, 3, 4)), '
        'unit_id TEXT, pihak2_pangkat TEXT, pihak2_golongan TEXT, pihak2_nip TEXT)'),
    'prestasi': ('table', 'prestasi', 'prestasi',
        'CREATE TABLE prestasi ( id TEXT PRIMARY KEY, tanggal TEXT, uraian TEXT NOT NULL,'
        " pemberi TEXT NOT NULL DEFAULT '', urut INTEGER NOT NULL DEFAULT 0 )"),
    'sasaran': ('table', 'sasaran', 'sasaran',
        'CREATE TABLE sasaran ( id TEXT PRIMARY KEY, tujuan_id TEXT NOT NULL REFERENCES '
        "tujuan(id) ON DELETE CASCADE, kode TEXT NOT NULL DEFAULT '', nama TEXT NOT NULL,"
        ' urut INTEGER NOT NULL DEFAULT 0 )'),
    'sdm': ('table', 'sdm', 'sdm',
        'CREATE TABLE sdm ( id TEXT PRIMARY KEY, kategori TEXT NOT NULL CHECK (kategori '
        "IN ('golongan','pendidikan','jabatan')), uraian TEXT NOT NULL DEFAULT '', jumlah"
        ' INTEGER NOT NULL DEFAULT 0 CHECK (jumlah >= 0), urut INTEGER NOT NULL DEFAULT 0'
        ' )'),
    'settings': ('table', 'settings', 'settings',
        'CREATE TABLE settings ( id INTEGER PRIMARY KEY CHECK (id = 1), tahun INTEGER NOT'
        ' NULL, renstra_awal INTEGER NOT NULL, renstra_akhir INTEGER NOT NULL, '
        "polaritas_negatif TEXT NOT NULL DEFAULT 'linear', batas_bawah_nol INTEGER NOT "
        "NULL DEFAULT 1, batas_capaian TEXT, target_nol TEXT NOT NULL DEFAULT 'none', "
        "predikat_beda TEXT NOT NULL DEFAULT 'rank', efisiensi TEXT NOT NULL DEFAULT "
        "'E1', skala TEXT NOT NULL DEFAULT 'd86', rata_rata TEXT NOT NULL DEFAULT 'iku', "
        'perubahan_berlaku INTEGER NOT NULL DEFAULT 1, capaian_wajar_maks TEXT NOT NULL '
        "DEFAULT '150', kertas TEXT NOT NULL DEFAULT 'A4' , tanggal_nol INTEGER NOT NULL "
        'DEFAULT 1, rincian_anggaran INTEGER NOT NULL DEFAULT 0, skala_nama TEXT NOT NULL'
        " DEFAULT '', teks_tanpa_data TEXT NOT NULL DEFAULT 'n/a')"),
    'skala_pita': ('table', 'skala_pita', 'skala_pita',
        'CREATE TABLE skala_pita ( id TEXT PRIMARY KEY, batas_bawah TEXT NOT NULL, label '
        "TEXT NOT NULL DEFAULT '', inklusif INTEGER NOT NULL DEFAULT 1, urut INTEGER NOT "
        'NULL DEFAULT 0 )'),
    'sqlite_autoindex_budget_item_1': ('index', 'sqlite_autoindex_budget_item_1', 'budget_item',
        ''),
    'sqlite_autoindex_budget_quarter_1': ('index', 'sqlite_autoindex_budget_quarter_1', 'budget_quarter',
        ''),
    'sqlite_autoindex_dukungan_1': ('index', 'sqlite_autoindex_dukungan_1', 'dukungan',
        ''),
    'sqlite_autoindex_indicator_1': ('index', 'sqlite_autoindex_indicator_1', 'indicator',
        ''),
    'sqlite_autoindex_indicator_value_1': ('index', 'sqlite_autoindex_indicator_value_1', 'indicator_value',
        ''),
    'sqlite_autoindex_komponen_1': ('index', 'sqlite_autoindex_komponen_1', 'komponen',
        ''),
    'sqlite_autoindex_narasi_1': ('index', 'sqlite_autoindex_narasi_1', 'narasi',
        ''),
    'sqlite_autoindex_pk_program_1': ('index', 'sqlite_autoindex_pk_program_1', 'pk_program',
        ''),
    'sqlite_autoindex_pk_sasaran_1': ('index', 'sqlite_autoindex_pk_sasaran_1', 'pk_sasaran',
        ''),
    'sqlite_autoindex_pk_version_1': ('index', 'sqlite_autoindex_pk_version_1', 'pk_version',
        ''),
    'sqlite_autoindex_prestasi_1': ('index', 'sqlite_autoindex_prestasi_1', 'prestasi',
        ''),
    'sqlite_autoindex_sasaran_1': ('index', 'sqlite_autoindex_sasaran_1', 'sasaran',
        ''),
    'sqlite_autoindex_sdm_1': ('index', 'sqlite_autoindex_sdm_1', 'sdm',
        ''),
    'sqlite_autoindex_skala_pita_1': ('index', 'sqlite_autoindex_skala_pita_1', 'skala_pita',
        ''),
    'sqlite_autoindex_tabel_laporan_1': ('index', 'sqlite_autoindex_tabel_laporan_1', 'tabel_laporan',
        ''),
    'sqlite_autoindex_tujuan_1': ('index', 'sqlite_autoindex_tujuan_1', 'tujuan',
        ''),
    'sqlite_sequence': ('table', 'sqlite_sequence', 'sqlite_sequence',
        'CREATE TABLE sqlite_sequence(name,seq)'),
    'tabel_laporan': ('table', 'tabel_laporan', 'tabel_laporan',
        'CREATE TABLE tabel_laporan ( id TEXT PRIMARY KEY, tampil INTEGER NOT NULL '
        "DEFAULT 1, urut INTEGER, nomor TEXT NOT NULL DEFAULT '', judul TEXT NOT NULL "
        "DEFAULT '', sumber TEXT NOT NULL DEFAULT '', nomor_kolom INTEGER NOT NULL "
        "DEFAULT 0, kertas TEXT NOT NULL DEFAULT '' CHECK (kertas IN ('', 'A4', 'F4')), "
        "orientasi TEXT NOT NULL DEFAULT '' CHECK (orientasi IN ('', 'portrait', "
        "'landscape')) )"),
    'tujuan': ('table', 'tujuan', 'tujuan',
        "CREATE TABLE tujuan ( id TEXT PRIMARY KEY, kode TEXT NOT NULL DEFAULT '', nama "
        'TEXT NOT NULL, urut INTEGER NOT NULL DEFAULT 0 )'),
}
