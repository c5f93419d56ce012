"""The chapter texts built from the figures: the Ikhtisar Eksekutif, the Bab III
introduction and budget, the Bab IV conclusion, and the report's outline (sistematika)."""

from __future__ import annotations

from ...domain.capaian import status_word
from ...domain.rating import prose_name, scale_of
from .. import table as T
from ..builders.common import opd_name, realisasi_cell, renstra_label, target_cell
from .opd import average_para, budget_para, counts_sentence, status_counts
from .wording import Para, Sentences, average_basis, count_words, rp, status_text, with_unit


def ikhtisar(svc) -> list[Para]:
    """The Ikhtisar Eksekutif: scope, every IKU's figures with its status word, the average,
    and the money."""
    wb, calc = svc.wb, svc.calc
    s = wb.settings
    ikus = wb.iku_list()
    sasaran = [x for x in wb.sasaran_list() if wb.indicators_of(x.id)]
    out = [Para(
        f"Laporan Kinerja Instansi Pemerintah (LKIP) {opd_name(wb)} tahun {s.tahun} menyajikan target dan capaian "
        f"{count_words(len(ikus))} Indikator Kinerja Utama (IKU) dari {count_words(len(sasaran))} sasaran strategis"
        + (f" yang diperjanjikan dalam Perjanjian Kinerja tahun {s.tahun}" if wb.pk_versions else "")
        + f", mengacu pada Rencana Strategis {opd_name(wb)} {renstra_label(wb)}.")]
    if ikus:
        out.append(Para("Capaian setiap IKU tahun ini adalah sebagai berikut:"))
    for ind in ikus:
        res = calc.indicator(ind.id)
        w = Sentences()
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
                      f"({status_text(res.status)}).")
        p = w.para(bullet=True)
        out.append(Para(p.text, p.figures, bullet=True))
    avg = average_para(svc)
    counts = status_counts(svc)
    if ikus:
        out.append(Para(f"{avg.text} Dari {count_words(len(ikus))} IKU, {counts_sentence(counts)}.", avg.figures))
    else:
        out.append(avg)
    out.append(budget_para(svc))
    return out


def bab3_pengantar(svc) -> list[Para]:
    """Before Tabel 3.1: how capaian is measured, and each sasaran's indicators."""
    wb, calc = svc.wb, svc.calc
    negative = ""
    if any(ind.polaritas == "negatif" for ind in wb.iku_list()):
        formula = ("target ÷ realisasi × 100" if wb.settings.polaritas_negatif == "ratio"
                   else "(2 × target − realisasi) ÷ target × 100")
        negative = (f" Untuk indikator dengan polaritas negatif (semakin rendah semakin baik), capaian = {formula}.")
    out = [Para(
        f"Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi setiap Indikator Kinerja Utama "
        f"tahun {wb.settings.tahun}. Untuk indikator dengan polaritas positif, capaian = realisasi ÷ target × 100."
        f"{negative} Capaian di atas 100% berarti melampaui target, tepat 100% tercapai, dan di bawah 100% "
        "belum tercapai.")]
    for k, s in enumerate([x for x in wb.sasaran_list() if wb.indicators_of(x.id)], 1):
        w = Sentences()
        inds = wb.indicators_of(s.id)
        items = []
        for ind in inds:
            res = calc.indicator(ind.id)
            if res.capaian.value is None:
                items.append(f"{ind.nama} (capaian belum dapat dihitung)")
            else:
                c = T.percent(res.capaian.value)
                w.fig(f"capaian:{ind.id}", c.text)
                items.append(f"{ind.nama} dengan capaian {c.text}% ({status_text(res.status)})")
        w.say(f"Sasaran strategis {k}, {s.nama}, diukur dengan {count_words(len(inds))} indikator: "
              + "; ".join(items) + ".")
        out.append(w.para())
    out.append(average_para(svc))
    return out


def bab3_anggaran(svc) -> list[Para]:
    """Bab III B: pagu before/after the APBD-P, realisasi and serapan of the OPD."""
    wb, calc = svc.wb, svc.calc
    o = calc.opd_totals()
    w = Sentences()
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
    counts = status_counts(svc)
    out = [Para(
        f"Pada tahun {wb.settings.tahun} {opd_name(wb)} menetapkan {count_words(len(sasaran))} sasaran strategis "
        f"dengan {count_words(len(ikus))} Indikator Kinerja Utama. Dari {count_words(len(ikus))} IKU tersebut, "
        f"{counts_sentence(counts)}{_reached(counts, len(ikus))}.")]
    out.append(average_para(svc))
    for k, s in enumerate(sasaran, 1):
        avg = calc.sasaran_average(s.id)
        w = Sentences()
        if avg.value is None:
            w.say(f"Sasaran strategis {k}, {s.nama}: rata-rata capaian belum dapat dihitung.")
        else:
            a = T.percent(avg.value)
            w.say(f"Sasaran strategis {k}, {s.nama}: rata-rata capaian {average_basis(avg)} sebesar {a.text}%, "
                  f"{status_text(status_word(avg.value))}.")
            w.fig("rata_rata_sasaran", a.text)
        out.append(w.para(bullet=True))
    return out


def _reached(counts: dict[str, int], total: int) -> str:
    """"…, so 5 (lima) IKU met their target (reached or passed)", only when it adds something: both
    words occur (with one of them it only repeats the count before)."""
    over, met = counts["Melampaui target"], counts["Tercapai"]
    if not (over and met):
        return ""
    if over + met == total:
        return ", sehingga seluruh IKU memenuhi targetnya"
    return f", sehingga {count_words(over + met)} IKU memenuhi targetnya"


SISTEMATIKA = [
    "Ikhtisar Eksekutif: ringkasan target, capaian dan penggunaan anggaran.",
    "Bab I Pendahuluan: latar belakang, tugas pokok dan fungsi, struktur organisasi, aspek strategis.",
    "Bab II Perencanaan Kinerja: Rencana Strategis, Indikator Kinerja Utama, Perjanjian Kinerja dan anggaran.",
    "Bab III Akuntabilitas Kinerja: capaian kinerja organisasi per indikator dan realisasi anggaran.",
    "Bab IV Penutup: kesimpulan dan langkah ke depan.",
    "Lampiran: rincian anggaran dan realisasi fisik dan keuangan per triwulan.",
]


def skala_para(svc, spec) -> Para | None:
    """Names the rating scale the Kriteria column follows, and its table."""
    name = prose_name(scale_of(svc.wb))
    where = f", dengan rentang pada Tabel {spec.number}" if spec is not None else ""
    return Para(f"Kriteria setiap capaian mengikuti {name}{where}. Indikator yang belum "
                "memiliki data capaian tidak diberi kriteria dan tidak dihitung dalam rata-rata.")
