"""The report's sentences, generated from the same data as its tables.

The reference report writes these by hand and gets them wrong (22,95 for a realisasi of
29,55; 106,13 for 106,18; "sebesar 50%" for 49,59; 89,19 for 86,19). Here every figure in
a sentence is the text of the very table cell that prints it: the cells are made by the
builders' own helpers (``target_cell``, ``realisasi_cell``, ``T.percent``, ``T.rupiah``) and
their ``text`` is what the sentence quotes, so a sentence cannot disagree with its table.
Nothing here computes a rule: every figure comes from ``service.calc`` or a domain
function; this module only words it.

A missing figure gives an honest sentence ("realisasi belum diisi"), never "0".

Each ``Para`` records the figures it quotes (``figures``: name -> text as printed), so tests
can check them against the table cells of the exported files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..domain.budget import banding_predikat, efisiensi_label
from ..domain.capaian import status_word
from ..domain.numbers import format_number, format_rupiah
from ..domain.values import Predikat
from . import table as T
from .builders.common import opd_name, realisasi_cell, renstra_label, target_cell

# The free sections the user writes (table ``narasi``), in report order: key, title, hint.
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

PERSEN_UNITS = {"%", "persen", "prosen"}
BARE_UNITS = {"", "-", "indeks", "nilai", "poin", "skor", "angka", "predikat"}
STATUS = {"Melampaui target": "melampaui target", "Tercapai": "tercapai", "Belum tercapai": "belum tercapai"}


@dataclass(frozen=True)
class Para:
    """One paragraph. ``figures``: (name, text as printed) of every figure it quotes.
    ``user``: the user's own text (placed as written); ``placeholder``: nothing written yet."""

    text: str
    figures: tuple[tuple[str, str], ...] = ()
    user: bool = False
    placeholder: bool = False
    bullet: bool = False

    def figure(self, name: str) -> str | None:
        return next((t for n, t in self.figures if n == name), None)


class _W:
    """Collects sentence parts and the figures quoted in them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.figs: list[tuple[str, str]] = []

    def fig(self, name: str, text: str) -> str:
        self.figs.append((name, text))
        return text

    def say(self, sentence: str) -> None:
        self.parts.append(sentence)

    def para(self, bullet: bool = False) -> Para:
        return Para(" ".join(p for p in self.parts if p), tuple(self.figs), bullet=bullet)


def user_paras(text: str | None, placeholder: str | None = None) -> list[Para]:
    """A user's text as paragraphs (blank lines or line breaks separate them). Control
    characters are dropped by the renderers; the text is never interpreted."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    parts = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if parts:
        return [Para(p, user=True) for p in parts]
    return [Para(placeholder, placeholder=True)] if placeholder else []


def narasi_paras(svc, key: str) -> list[Para]:
    title = NARASI_TITLES.get(key, key)
    return user_paras(svc.narasi(key), f"[{title} belum diisi. Tulis pada halaman Laporan, tab Narasi.]")


# -- wording helpers ----------------------------------------------------------------------------
def _status(word: str | None) -> str:
    return STATUS.get(word or "", word or "-")


def _bare(ind) -> bool:
    return (ind.satuan or "").strip().lower() in BARE_UNITS


def with_unit(ind, cell: T.Cell) -> str:
    """A value as prose prints it: "49,59%", "predikat A (82,04)", "20 dokumen", "88,13"."""
    text = cell.text
    if cell.kind == T.PREDIKAT or isinstance(cell.value, Predikat):
        return f"predikat {text}"
    sat = (ind.satuan or "").strip()
    if sat.lower() in PERSEN_UNITS:
        return f"{text}%"
    if _bare(ind):
        return text
    return f"{text} {sat.lower()}"


def pct(cell: T.Cell) -> str:
    return f"{cell.text}%"


def rp(n: int | None) -> str:
    return format_rupiah(n, prefix=True, dash_zero=False)


def _count_words(n: int) -> str:
    words = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"]
    return f"{n} ({words[n]})" if 0 <= n < len(words) else str(n)


# -- per IKU (Bab III) ------------------------------------------------------------------------------
@dataclass
class IkuNarrative:
    indicator_id: str
    nama: str
    capaian: Para
    komponen: Para | None
    tahun_lalu: Para
    renstra: Para
    anggaran: Para
    keberhasilan: list[Para] = field(default_factory=list)
    penghambat: list[Para] = field(default_factory=list)
    langkah: list[Para] = field(default_factory=list)


def iku_capaian(svc, ind_id: str) -> Para:
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    res = calc.indicator(ind_id)
    tahun = wb.settings.tahun
    w = _W()
    t_cell, r_cell = target_cell(res.target), realisasi_cell(ind, res)
    if res.realisasi.value is None:
        if res.realisasi.error:  # komponen filled, but the formula cannot give a number
            missing = f"realisasi tahun {tahun} belum dapat dihitung dari komponennya ({res.realisasi.error})"
        else:
            missing = f"realisasi tahun {tahun} belum diisi"
        if res.target is None:
            w.say(f"Target indikator {ind.nama} tahun {tahun} belum diisi dan {missing}, "
                  "sehingga capaian kinerjanya belum dapat dihitung.")
        else:
            w.say(f"Target indikator {ind.nama} tahun {tahun} sebesar {with_unit(ind, t_cell)}, sedangkan "
                  f"{missing}, sehingga capaian kinerjanya belum dapat dihitung.")
            w.fig("target", t_cell.text)
        return w.para()
    if res.target is None:
        w.say(f"Target indikator {ind.nama} tahun {tahun} belum diisi,")
    else:
        w.say(f"Target indikator {ind.nama} tahun {tahun} sebesar {with_unit(ind, t_cell)},")
        w.fig("target", t_cell.text)
    w.say(f"sedangkan realisasinya {with_unit(ind, r_cell)},")
    w.fig("realisasi", r_cell.text)
    cap = res.capaian
    if cap.value is None:
        note = f" ({cap.note})" if cap.note else ""
        w.say(f"sehingga capaian kinerjanya tidak dapat dihitung{note}.")
        return w.para()
    c_cell = T.percent(cap.value)
    w.say(f"sehingga capaian kinerjanya sebesar {w.fig('capaian', c_cell.text)}% ({_status(res.status)}).")
    if cap.note:
        w.say(f"Capaian dihitung {cap.note}.")
    if res.rating is not None:
        w.say(f"Menurut skala penilaian, capaian ini termasuk kriteria {res.rating.label}.")
    return w.para()


def iku_komponen(svc, ind_id: str) -> Para | None:
    """The worked computation of a composite indicator, as the table prints it."""
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    if not ind.rumus_komponen:
        return None
    real = calc.indicator(ind_id).realisasi
    w = _W()
    rumus = ind.rumus or ind.rumus_komponen
    if real.worked:
        w.say(f"Realisasi {ind.nama} dihitung dari komponennya dengan rumus {rumus}:")
        w.say(f"{real.worked}.")
        w.fig("hasil", real.worked.rsplit("=", 1)[-1].strip())
    elif real.error:
        w.say(f"Realisasi {ind.nama} belum dapat dihitung dari komponennya: {real.error}.")
    else:
        w.say(f"Komponen {ind.nama} tahun {wb.settings.tahun} belum diisi.")
    return w.para()


def iku_tahun_lalu(svc, ind_id: str) -> Para:
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    tahun = wb.settings.tahun
    now, last = calc.indicator(ind_id), calc.last_year(ind_id)
    w = _W()
    if now.realisasi.value is None:
        state = "belum dapat dihitung" if now.realisasi.error else "belum diisi"
        w.say(f"Realisasi tahun {tahun} {state}, sehingga perbandingan dengan tahun {tahun - 1} "
              "belum dapat dibuat.")
        return w.para()
    if last.realisasi.value is None:
        w.say(f"Realisasi tahun {tahun - 1} belum diisi, sehingga perbandingan dengan tahun sebelumnya "
              "belum dapat dibuat.")
        return w.para()
    r_now, r_last = realisasi_cell(ind, now), realisasi_cell(ind, last)
    a, b = now.realisasi.value, last.realisasi.value
    w.say(f"Dibandingkan dengan tahun {tahun - 1} (realisasi {with_unit(ind, r_last)}),")
    w.fig("realisasi_lalu", r_last.text)
    if isinstance(a, Predikat) and isinstance(b, Predikat):
        arah = banding_predikat(a, b)
        word = {"naik": f"naik dari {b.grade} menjadi", "turun": f"turun dari {b.grade} menjadi",
                "sama": "tetap"}[arah]
        w.say(f"predikat tahun {tahun} {word} {r_now.text}.")
        w.fig("realisasi", r_now.text)
    else:
        sel = calc.selisih_tahun_lalu(ind_id)
        if sel is None:
            w.say(f"realisasi tahun {tahun} ({with_unit(ind, r_now)}) tidak dapat dikurangkan secara angka.")
            w.fig("realisasi", r_now.text)
        else:
            cell = T.number(sel, ind.desimal)  # the table's "Selisih" cell
            shown = cell.number or Decimal(0)
            w.fig("realisasi", r_now.text)
            if shown == 0:
                w.say(f"realisasi tahun {tahun} ({with_unit(ind, r_now)}) sama dengan tahun sebelumnya.")
            else:
                arah = "naik" if shown > 0 else "turun"
                mag = format_number(abs(shown), ind.desimal)
                w.say(f"realisasi tahun {tahun} ({with_unit(ind, r_now)}) {arah} {mag} poin.")
                w.fig("selisih", mag)
    if last.capaian.value is not None:
        c = T.percent(last.capaian.value)
        w.say(f"Capaian kinerja tahun {tahun - 1} sebesar {c.text}%.")
        w.fig("capaian_lalu", c.text)
    return w.para()


def iku_renstra(svc, ind_id: str) -> Para:
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    s = wb.settings
    w = _W()
    ta = calc.target_akhir(ind_id)
    if ta is None:
        w.say(f"Target akhir Renstra {renstra_label(wb)} (tahun {s.renstra_akhir}) untuk indikator ini belum diisi, "
              "sehingga perbandingan dengan target akhir belum dapat dibuat.")
        return w.para()
    ta_cell = target_cell(ta)
    w.say(f"Target akhir Renstra {renstra_label(wb)} (tahun {s.renstra_akhir}) untuk indikator {ind.nama} "
          f"sebesar {with_unit(ind, ta_cell)}.")
    w.fig("target_akhir", ta_cell.text)
    akhir = calc.capaian_akhir_renstra(ind_id)
    if akhir.value is None:
        why = f" ({akhir.note})" if akhir.note else ""
        w.say(f"Capaian terhadap target akhir belum dapat dihitung{why}.")
        return w.para()
    c = T.percent(akhir.value)
    basis = "realisasi kumulatif" if ind.kumulatif else "realisasi"
    word = status_word(akhir.value)
    verdict = {"Melampaui target": "target akhir Renstra telah terlampaui",
               "Tercapai": "target akhir Renstra telah tercapai",
               "Belum tercapai": "target akhir Renstra belum tercapai"}.get(word, "")
    w.say(f"Dengan {basis} s.d. tahun {s.tahun}, capaian terhadap target akhir sebesar {c.text}%, "
          f"artinya {verdict}.")
    w.fig("capaian_akhir", c.text)
    if akhir.note:
        w.say(f"Catatan: {akhir.note}.")
    return w.para()


EFISIENSI_WORDS = {
    "E1": "tingkat efisiensi penggunaan sumber daya (capaian kinerja − serapan anggaran)",
    "E2": "efisiensi (sisa) anggaran (100 − serapan anggaran)",
    "E3": "rasio capaian kinerja terhadap serapan anggaran",
}


def iku_anggaran(svc, ind_id: str) -> Para:
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    b = calc.iku_budget(ind_id)
    conv = wb.settings.efisiensi
    w = _W()
    if not b.items:
        w.say(f"Belum ada sub kegiatan yang dikaitkan dengan indikator {ind.nama}, sehingga alokasi, serapan dan "
              "efisiensi anggarannya belum dapat dihitung.")
        return w.para()
    w.say(f"Indikator {ind.nama} didukung oleh {_count_words(len(b.items))} sub kegiatan dengan pagu anggaran "
          f"{w.fig('pagu', rp(b.pagu))}")
    if b.realisasi is None:
        w.parts[-1] += ";"
        w.say("realisasi anggarannya belum diisi, sehingga serapan dan tingkat efisiensi belum dapat dihitung.")
        return w.para()
    w.parts[-1] += f" dan realisasi {w.fig('realisasi', rp(b.realisasi))},"
    if b.serapan is None:
        w.say("sehingga serapan anggarannya tidak dapat dihitung (pagu 0).")
        return w.para()
    ser = T.percent(b.serapan)
    w.say(f"sehingga serapan anggarannya sebesar {ser.text}%.")
    w.fig("serapan", ser.text)
    if b.efisiensi is None:
        w.say(f"Karena capaian kinerjanya belum dapat dihitung, {EFISIENSI_WORDS.get(conv, 'efisiensi')} "
              "belum dapat dihitung.")
        return w.para()
    eff = T.percent(b.efisiensi)
    if conv == "E1" and b.capaian is not None:
        cap = T.percent(b.capaian)
        w.say(f"Dengan capaian kinerja {cap.text}%, {EFISIENSI_WORDS['E1']} sebesar {eff.text}% "
              f"({efisiensi_label(b.efisiensi).lower()}).")
        w.fig("capaian", cap.text)
    else:
        w.say(f"{EFISIENSI_WORDS.get(conv, 'Efisiensi').capitalize()} sebesar {eff.text}%.")
    w.fig("efisiensi", eff.text)
    return w.para()


def iku_narrative(svc, ind_id: str) -> IkuNarrative:
    ind = svc.wb.indicators[ind_id]
    return IkuNarrative(
        ind_id, ind.nama,
        iku_capaian(svc, ind_id), iku_komponen(svc, ind_id), iku_tahun_lalu(svc, ind_id),
        iku_renstra(svc, ind_id), iku_anggaran(svc, ind_id),
        user_paras(ind.analisis_keberhasilan), user_paras(ind.analisis_penghambat),
        user_paras(ind.langkah_perbaikan),
    )


# -- the OPD as a whole --------------------------------------------------------------------------------
def _status_counts(svc) -> dict[str, int]:
    counts = {"Melampaui target": 0, "Tercapai": 0, "Belum tercapai": 0, "-": 0}
    for ind in svc.wb.iku_list():
        st = svc.calc.indicator(ind.id).status
        counts[st if st in counts else "-"] += 1
    return counts


def _counts_sentence(counts: dict[str, int]) -> str:
    parts = [f"{counts[k]} {w}" for k, w in (("Melampaui target", "melampaui target"), ("Tercapai", "tercapai"),
                                             ("Belum tercapai", "belum tercapai"),
                                             ("-", "belum dapat dihitung capaiannya")) if counts[k]]
    if not parts:
        return "belum ada yang dapat dinilai"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]


def average_para(svc, lead: str = "Rata-rata capaian kinerja") -> Para:
    wb, calc = svc.wb, svc.calc
    avg = calc.opd_average()
    w = _W()
    if avg.value is None:
        w.say(f"{lead} {opd_name(wb)} tahun {wb.settings.tahun} belum dapat dihitung karena belum ada indikator "
              "yang capaiannya dapat dihitung.")
        return w.para()
    a = T.percent(avg.value)
    w.say(f"{lead} {opd_name(wb)} tahun {wb.settings.tahun} sebesar {a.text}% (dihitung dari {avg.note}), "
          f"sehingga secara umum kinerjanya {_status(status_word(avg.value))}.")
    w.fig("rata_rata", a.text)
    if avg.counted < avg.total:
        w.say(f"{avg.total - avg.counted} {avg.unit} belum dapat dihitung capaiannya dan tidak ikut dirata-ratakan.")
    return w.para()


def budget_para(svc) -> Para:
    """Pagu, realisasi, serapan and efisiensi of the whole OPD (Ikhtisar)."""
    wb, calc = svc.wb, svc.calc
    o = calc.opd_totals()
    conv = wb.settings.efisiensi
    label = "pagu anggaran setelah perubahan" if wb.settings.perubahan_berlaku else "pagu anggaran murni"
    w = _W()
    if not o.pagu:
        w.say("Pagu anggaran belum diisi, sehingga serapan dan efisiensi anggaran belum dapat dihitung.")
        return w.para()
    w.say(f"Untuk mendukung pencapaian sasaran strategis tahun {wb.settings.tahun}, {opd_name(wb)} mengelola "
          f"{label} sebesar {w.fig('pagu', rp(o.pagu))}")
    if o.realisasi is None or o.serapan is None:
        w.parts[-1] += "; realisasi anggarannya belum diisi, sehingga serapan dan efisiensi belum dapat dihitung."
        return w.para()
    ser = T.percent(o.serapan)
    w.parts[-1] += (f" dengan realisasi {w.fig('realisasi', rp(o.realisasi))} atau serapan anggaran "
                    f"{w.fig('serapan', ser.text)}%.")
    avg = calc.opd_average()
    eff = calc.opd_efisiensi()
    if eff is None:
        w.say("Tingkat efisiensi belum dapat dihitung karena rata-rata capaian kinerja belum ada.")
        return w.para()
    e = T.percent(eff)
    if conv == "E1":
        a = T.percent(avg.value)
        w.say(f"Dengan rata-rata capaian kinerja {a.text}%, tingkat efisiensi penggunaan anggaran "
              f"(rata-rata capaian − serapan) sebesar {e.text}%.")
        w.fig("rata_rata", a.text)
    else:
        w.say(f"{EFISIENSI_WORDS.get(conv, 'Efisiensi').capitalize()} sebesar {e.text}%.")
    w.fig("efisiensi", e.text)
    return w.para()


def ikhtisar(svc) -> list[Para]:
    """The Ikhtisar Eksekutif: scope, every IKU's figures with its status word, the average,
    and the money."""
    wb, calc = svc.wb, svc.calc
    s = wb.settings
    ikus = wb.iku_list()
    sasaran = [x for x in wb.sasaran_list() if wb.indicators_of(x.id)]
    out = [Para(
        f"Laporan Kinerja Instansi Pemerintah (LKIP) {opd_name(wb)} tahun {s.tahun} menyajikan target dan capaian "
        f"{_count_words(len(ikus))} Indikator Kinerja Utama (IKU) dari {_count_words(len(sasaran))} sasaran strategis "
        + (f"yang diperjanjikan dalam Perjanjian Kinerja tahun {s.tahun}, " if wb.pk_versions else "")
        + f"mengacu pada Rencana Strategis {opd_name(wb)} {renstra_label(wb)}.")]
    if ikus:
        out.append(Para("Capaian setiap IKU tahun ini adalah sebagai berikut:"))
    for ind in ikus:
        res = calc.indicator(ind.id)
        w = _W()
        t_cell, r_cell = target_cell(res.target), realisasi_cell(ind, res)
        t_txt = with_unit(ind, t_cell) if res.target is not None else "belum diisi"
        if res.target is not None:
            w.fig("target", t_cell.text)
        if res.realisasi.value is None:
            real = "realisasi belum dapat dihitung dari komponennya" if res.realisasi.error else "realisasi belum diisi"
            w.say(f"{ind.nama}: target {t_txt}, {real}, capaian belum dapat dihitung.")
        else:
            w.fig("realisasi", r_cell.text)
            if res.capaian.value is None:
                w.say(f"{ind.nama}: target {t_txt}, realisasi {with_unit(ind, r_cell)}, capaian tidak dapat "
                      f"dihitung{f' ({res.capaian.note})' if res.capaian.note else ''}.")
            else:
                c = T.percent(res.capaian.value)
                w.fig("capaian", c.text)
                w.say(f"{ind.nama}: target {t_txt}, realisasi {with_unit(ind, r_cell)}, capaian {c.text}% "
                      f"({_status(res.status)}).")
        p = w.para(bullet=True)
        out.append(Para(p.text, p.figures, bullet=True))
    avg = average_para(svc)
    counts = _status_counts(svc)
    if ikus:
        out.append(Para(f"{avg.text} Dari {_count_words(len(ikus))} IKU, {_counts_sentence(counts)}.", avg.figures))
    else:
        out.append(avg)
    out.append(budget_para(svc))
    return out


def bab3_pengantar(svc) -> list[Para]:
    """Before Tabel 3.1: how capaian is measured, and each sasaran's indicators."""
    wb, calc = svc.wb, svc.calc
    out = [Para(
        f"Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi setiap Indikator Kinerja Utama "
        f"tahun {wb.settings.tahun}. Untuk indikator dengan polaritas positif, capaian = realisasi ÷ target × 100; "
        "capaian di atas 100% berarti melampaui target, tepat 100% tercapai, dan di bawah 100% belum tercapai.")]
    for k, s in enumerate([x for x in wb.sasaran_list() if wb.indicators_of(x.id)], 1):
        w = _W()
        inds = wb.indicators_of(s.id)
        items = []
        for ind in inds:
            res = calc.indicator(ind.id)
            if res.capaian.value is None:
                items.append(f"{ind.nama} (capaian belum dapat dihitung)")
            else:
                c = T.percent(res.capaian.value)
                w.fig(f"capaian:{ind.id}", c.text)
                items.append(f"{ind.nama} dengan capaian {c.text}% ({_status(res.status)})")
        w.say(f"Sasaran strategis {k}, {s.nama}, diukur dengan {_count_words(len(inds))} indikator: "
              + "; ".join(items) + ".")
        out.append(w.para())
    out.append(average_para(svc))
    return out


def bab3_anggaran(svc) -> list[Para]:
    """Bab III B: pagu before/after the APBD-P, realisasi and serapan of the OPD."""
    wb, calc = svc.wb, svc.calc
    o = calc.opd_totals()
    w = _W()
    if not (o.pagu_murni or o.pagu_perubahan):
        return [Para("Pagu anggaran belum diisi.")]
    w.say(f"Pagu anggaran {opd_name(wb)} tahun {wb.settings.tahun} sebelum perubahan sebesar "
          f"{w.fig('pagu_murni', rp(o.pagu_murni))} dan setelah perubahan sebesar "
          f"{w.fig('pagu_perubahan', rp(o.pagu_perubahan))}")
    if o.selisih:
        arah = "bertambah" if o.selisih > 0 else "berkurang"
        w.parts[-1] += f", {arah} {w.fig('selisih', rp(abs(o.selisih)))}."
    else:
        w.parts[-1] += "."
    if o.realisasi is None:
        w.say("Realisasi anggaran belum diisi.")
    elif o.serapan is not None:
        ser = T.percent(o.serapan)
        w.say(f"Realisasi anggaran sebesar {w.fig('realisasi', rp(o.realisasi))} atau {w.fig('serapan', ser.text)}% "
              f"dari {'pagu setelah perubahan' if wb.settings.perubahan_berlaku else 'pagu murni'}.")
    return [w.para()]


def bab4_kesimpulan(svc) -> list[Para]:
    wb, calc = svc.wb, svc.calc
    ikus = wb.iku_list()
    sasaran = [x for x in wb.sasaran_list() if wb.indicators_of(x.id)]
    counts = _status_counts(svc)
    out = [Para(
        f"Pada tahun {wb.settings.tahun} {opd_name(wb)} menetapkan {_count_words(len(sasaran))} sasaran strategis "
        f"dengan {_count_words(len(ikus))} Indikator Kinerja Utama. Dari {_count_words(len(ikus))} IKU tersebut, "
        f"{_counts_sentence(counts)}; "
        f"{counts['Melampaui target'] + counts['Tercapai']} IKU mencapai atau melampaui targetnya.")]
    out.append(average_para(svc))
    for k, s in enumerate(sasaran, 1):
        avg = calc.sasaran_average(s.id)
        w = _W()
        if avg.value is None:
            w.say(f"Sasaran strategis {k}, {s.nama}: rata-rata capaian belum dapat dihitung.")
        else:
            a = T.percent(avg.value)
            w.say(f"Sasaran strategis {k}, {s.nama}: rata-rata capaian {a.text}% ({avg.note}), "
                  f"{_status(status_word(avg.value))}.")
            w.fig("rata_rata_sasaran", a.text)
        out.append(w.para(bullet=True))
    return out


SISTEMATIKA = [
    "Ikhtisar Eksekutif: ringkasan target, capaian dan penggunaan anggaran.",
    "Bab I Pendahuluan: latar belakang, tugas pokok dan fungsi, struktur organisasi, aspek strategis.",
    "Bab II Perencanaan Kinerja: Rencana Strategis, Indikator Kinerja Utama, Perjanjian Kinerja dan anggaran.",
    "Bab III Akuntabilitas Kinerja: capaian kinerja organisasi per indikator dan realisasi anggaran.",
    "Bab IV Penutup: kesimpulan dan langkah ke depan.",
    "Lampiran: rincian anggaran dan realisasi fisik dan keuangan per triwulan.",
]
