"""The 42 discrepancies catalogued in ../shared/reference/setda2024.json, each with what the
app does about it: "ditandai" (a reviu check fires on the demo workbook, at the given kode),
"dicegah" (impossible by construction: how), or "bukan data" (why it is not a data matter).
Entries are in the order of the JSON; ``where`` repeats the start of its "where" so that a
reordered file fails the acceptance test instead of mislabelling."""

from __future__ import annotations

from dataclasses import dataclass

DITANDAI = "ditandai"
DICEGAH = "dicegah"
BUKAN_DATA = "bukan data"

# Reasons used more than once.
_TOTALS = ("Pagu dan realisasi program, kegiatan dan OPD selalu dijumlah dari sub kegiatan (RULES 6.4); hanya sub "
           "kegiatan yang diketik, jadi total tidak dapat berbeda dari rinciannya.")
_NARASI = ("Angka di teks laporan dibuat dari perhitungan yang sama dengan tabelnya (reports.narrative); "
           "teks tidak dapat mengutip angka lain.")
_CAPAIAN = "Capaian dihitung dari target dan realisasi tersimpan dengan presisi penuh (RULES 1.2, 2.1), tidak diketik."
_IKU_BUDGET = ("Anggaran per IKU = Σ realisasi ÷ Σ pagu sub kegiatan pendukungnya (RULES 6.5, compute.iku_budget); "
               "baris program dijumlah dari sub kegiatan itu sendiri.")
_QUARTER_PLAN = ("Satu rencana triwulan per mata anggaran (rupiah); persen triwulan diturunkan darinya "
                 "(compute.quarter_keuangan_persen), jadi dua tabel tidak dapat berbeda. tw-rencana-pagu memeriksa "
                 "rencana terhadap pagu.")
_KOTA = ("Data seluruh perangkat daerah Kota (Tabel 3.8, 3.26, 3.28) bukan bagian buku kerja satu OPD; "
         "LKIP OPD hanya mengutipnya.")
_TYPED_PROSE = (" Bila pengguna mengetik angka itu sendiri di narasi, narasi-rupiah menandainya (diuji dengan "
                "kalimat laporan ini).")
_PROSE = "Uraian organisasi dan SDM di Bab I adalah teks bebas; buku kerja tidak menyimpan angka tersebut."


@dataclass(frozen=True)
class Entry:
    no: int
    where: str  # start of the JSON "where"
    what: str  # Indonesian, what the report got wrong
    status: str
    checks: tuple[str, ...] = ()  # ditandai: check ids that fire
    at: str = ""  # ditandai: the kode the findings point at
    how: str = ""  # dicegah / bukan data: how or why


CATALOGUE = [
    Entry(1, "Ikhtisar Eksekutif, realisasi anggaran", "Realisasi di Ikhtisar 6.777.638 lebih besar dari semua tabel",
          DICEGAH, how=_TOTALS + _TYPED_PROSE),
    Entry(2, "Ikhtisar Eksekutif, efisiensi", "Efisiensi 12,23% tidak dapat direproduksi", DICEGAH,
          how="Efisiensi dihitung dengan konvensi pengaturan (E1/E2/E3, RULES 7) dari capaian dan serapan; "
              "tidak pernah diketik."),
    Entry(3, "Ikhtisar Eksekutif, counts", "Jumlah sasaran dan sub kegiatan di Ikhtisar salah", DICEGAH,
          how="Jumlah tujuan, sasaran, kegiatan dan sub kegiatan dihitung dari baris buku kerja."),
    Entry(4, "3.4 Akuntabilitas Keuangan, prose before Tabel 3.34",
          "Angka realisasi dicetak sebagai pagu sebelum perubahan", DICEGAH, how=_NARASI + _TYPED_PROSE),
    Entry(5, "3.4 Akuntabilitas Keuangan, prose before Tabel 3.35", "Serapan 89,19% di teks, 86,19% di tabel",
          DICEGAH, how=_NARASI),
    Entry(6, "Tabel 3.36, first row", "Pagu murni OPD kehilangan angka depan (29.444.689.696)", DICEGAH,
          how=_TOTALS),
    Entry(7, "Tabel 3.4 (teks 'Tabel 3. 3'), prose", "Teks menyebut capaian IKK 50%, tabel 49,59", DICEGAH,
          how=_NARASI),
    Entry(8, "Tabel 3.3 (teks 'Tabel 3. 2')", "Capaian 106,06 dari realisasi 79,55 dan target 75 (seharusnya 106,07)",
          DICEGAH, how=_CAPAIAN),
    Entry(9, "3.3 Sasaran 2, Indeks Pelaksanaan Pembangunan", "Skala campuran di rumus IPP (pecahan dan persen)",
          BUKAN_DATA,
          how="Pilihan metode dalam rumus Renstra, bukan kesalahan data: aplikasi menghitung persis rumus komponen "
              "yang diterbitkan dan mencetak perhitungannya (formula.worked), sehingga pembaca melihat bobot 0,4; "
              "rumus-bobot-beda memastikan bobot di teks rumus sama dengan yang dihitung."),
    Entry(10, "3.3 Sasaran 2 prose, komponen 1", "RPK 96,89 dan serapan 82,86 tidak sama dengan Tabel 3.8 Kota",
          BUKAN_DATA, how=_KOTA + " RPK 96,89 disimpan sebagai komponen sebagaimana diterbitkan (RULES 1.3)."),
    Entry(11, "Tabel 3.11 (teks 'Tabel 3. 10')", "Capaian 100,99 dicetak sebagai serapan", DICEGAH, how=_NARASI),
    Entry(12, "Tabel 3.10, 3.11, 3.17, 3.23, 3.31", "Label indikator tersalin dari tabel IKK", DICEGAH,
          how="Setiap tabel per IKU dibuat dari nama, satuan dan nilai indikator itu sendiri."),
    Entry(13, "Tabel 3.13 (Hasil Evaluasi AKIP", "Kolom bertuliskan 'Tahun 2023' untuk nilai 2024", DICEGAH,
          how="Label tahun dicetak dari tahun laporan di pengaturan dan tahun nilai yang tersimpan."),
    Entry(14, "Tabel 3.18, prose after the table", "Serapan AKIP 90,77 = rata-rata persen dua program (89,97)",
          DICEGAH, how=_IKU_BUDGET),
    Entry(15, "Tabel 3.24, row 'Program Penunjang", "Baris program tersalin dari Tabel 3.18", DICEGAH,
          how=_IKU_BUDGET),
    Entry(16, "Tabel 3.24, row 'Program Pemerintahan", "Baris program berisi angka satu sub kegiatan", DICEGAH,
          how=_IKU_BUDGET),
    Entry(17, "Tabel 3.24, prose after the table", "Teks menyebut capaian IKM 106,13 (tabel 106,18)", DICEGAH,
          how=_NARASI),
    Entry(18, "Tabel 3.21 (teks 'Tabel 3. 141') vs Tabel 3.20", "Rantai pembulatan IKM 88,125 → 88,13", DICEGAH,
          how="IKM tahunan yang diterbitkan adalah input, disimpan 88,13 (RULES 1.3); nilai turunan dihitung "
              "dengan presisi penuh dan dibulatkan hanya saat dicetak (RULES 1.2)."),
    Entry(19, "Tabel 3.26, 'Nilai rata-rata", "Rata-rata IKM Kota 88,02 (rata-rata 96 unit 88,16)", BUKAN_DATA,
          how=_KOTA),
    Entry(20, "Tabel 3.26, column Mutu", "23 dari 96 label mutu IKM tidak sesuai interval", BUKAN_DATA,
          how=_KOTA + " Untuk IKM OPD sendiri label selalu diturunkan dari angka (rating.ikm_mutu); "
                      "skala-tidak-runtut memeriksa tabel skalanya."),
    Entry(21, "Tabel 3.27, prose after the table", "Teks menyebut realisasi 22,95 (tabel 29,55)", DICEGAH,
          how=_NARASI),
    Entry(22, "Prose after Tabel 3.28", "Kenaikan 9,10% (presisi penuh 9,09)", DICEGAH,
          how="Selisih dengan tahun lalu dihitung dari nilai tersimpan dengan presisi penuh (RULES 8)."),
    Entry(23, "Tabel 3.28, SETWAN 2022", "Nilai 70,08 berpredikat B (seharusnya BB)", BUKAN_DATA,
          how=_KOTA + " Predikat AKIP OPD sendiri diturunkan dari nilainya (rating.akip_predikat)."),
    Entry(24, "Tabel 3.32 (teks 'Tabel 3. 19')", "Capaian SAKIP 100 dan efisiensi 7,8 (seharusnya 129,98 dan 37,78)",
          DICEGAH, how="Tabel efisiensi per IKU memakai capaian IKU yang dihitung (RULES 7), bukan angka lain."),
    Entry(25, "Tabel 3.33 (teks 'Tabel 3. 20')", "Kolom 2023 dan 2024 tertukar", DICEGAH,
          how="Realisasi disimpan per tahun; kolom tahun dicetak dari tahun nilai itu sendiri."),
    Entry(26, "BAB IV 4.1", "Rata-rata capaian sasaran 3 dari angka yang sudah dibulatkan", DICEGAH,
          how="Rata-rata dihitung dari capaian tanpa pembulatan (RULES 4): 112,055 → 112,06."),
    Entry(27, "Ikhtisar / 3.2 / BAB IV, rata-rata", "Rata-rata 112,23 disebut rata-rata sasaran", DICEGAH,
          how="Rata-rata dihitung dengan satu cara menurut pengaturan (RULES 4) dan dicetak dengan keterangannya "
              "(\"n dari m indikator\")."),
    Entry(28, "Tabel 2.5 vs Lampiran 4, Program 1", "Target keuangan triwulan Program 1 berbeda antartabel", DICEGAH,
          how=_QUARTER_PLAN),
    Entry(29, "Tabel 2.5 vs Lampiran 4, Program 2", "Target keuangan triwulan Program 2 berbeda antartabel", DICEGAH,
          how=_QUARTER_PLAN),
    Entry(30, "Tabel 2.5 vs Lampiran 4, Program 3", "Target keuangan triwulan Program 3 berbeda antartabel", DICEGAH,
          how=_QUARTER_PLAN),
    Entry(31, "Lampiran 4, sub kegiatan 1.2.06.1", "Realisasi keuangan TW 97,67% ≠ serapan 96,00%", DITANDAI,
          ("tw-realisasi-serapan",), "1.2.06.1"),
    Entry(32, "Lampiran 4, sub kegiatan 2.2.02.3", "Realisasi keuangan TW 99,99% ≠ serapan 99,97%", DITANDAI,
          ("tw-realisasi-serapan",), "2.2.02.3"),
    Entry(33, "Lampiran 4, sub kegiatan 1.2.09.11", "Target keuangan TW berjumlah 22,44%", DITANDAI,
          ("tw-target-keuangan-100",), "1.2.09.11"),
    Entry(34, "Lampiran 4, sub kegiatan 2.2.02.2", "Target keuangan TW berjumlah 31,65%", DITANDAI,
          ("tw-target-keuangan-100",), "2.2.02.2"),
    Entry(35, "Lampiran 4, sub kegiatan 1.2.07.2", "Target fisik TW 28 Unit, target tahunan 31", DITANDAI,
          ("tw-fisik-target",), "1.2.07.2"),
    Entry(36, "Lampiran 4, sub kegiatan 1.2.12.3", "Target fisik TW 12 Paket, target tahunan 11", DITANDAI,
          ("tw-fisik-target",), "1.2.12.3"),
    Entry(37, "Lampiran 4, kegiatan I.13", "Anggaran kegiatan 850.000.000 (seharusnya 1.050.000.000)", DICEGAH,
          how=_TOTALS),
    Entry(38, "Tabel 3.8 (teks 'Tabel 3. 7'), deviasi", "Deviasi fisik dua OPD Kota salah bulat", BUKAN_DATA,
          how=_KOTA),
    Entry(39, "Section 1.2", "Pegawai disebut terbagi dalam 11 bagian (ada 12)", BUKAN_DATA, how=_PROSE),
    Entry(40, "Section 1.4", "Disebut 11 unit layanan (tercantum 30)", BUKAN_DATA, how=_PROSE),
    Entry(41, "Tabel 1.4", "Tabel jenis kelamin tersalin dari Tabel 1.1", BUKAN_DATA, how=_PROSE),
    Entry(42, "DAFTAR TABEL vs captions", "Nomor tabel di isi tidak sama dengan Daftar Tabel", DICEGAH,
          how="Aplikasi menomori tabel sendiri secara berurutan (RULES 11)."),
]
