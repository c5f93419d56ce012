"""Paragraphs on the OPD as a whole, quoted by several chapters: how many IKU reached
their target, the average capaian, and the whole budget (pagu, realisasi, serapan, efisiensi)."""

from __future__ import annotations

from ...domain.capaian import status_word
from .. import table as T
from ..builders.common import opd_name
from .wording import EFISIENSI_WORDS, Para, Sentences, average_basis, count_words, rp, status_text


def status_counts(svc) -> dict[str, int]:
    counts = {"Melampaui target": 0, "Tercapai": 0, "Belum tercapai": 0, "-": 0}
    for ind in svc.wb.iku_list():
        st = svc.calc.indicator(ind.id).status
        counts[st if st in counts else "-"] += 1
    return counts


def counts_sentence(counts: dict[str, int]) -> str:
    """"4 (empat) melampaui target dan 1 (satu) tercapai"; "seluruhnya tercapai" for one word."""
    total = sum(counts.values())
    for k, w in (("Melampaui target", "melampaui target"), ("Tercapai", "tercapai"), ("Belum tercapai",
                 "belum tercapai"), ("-", "belum dapat dihitung capaiannya")):
        if total > 1 and counts[k] == total:
            return f"seluruhnya {w}"
    parts = [f"{count_words(counts[k])} {w}" for k, w in (("Melampaui target", "melampaui target"), ("Tercapai", "tercapai"),
                                             ("Belum tercapai", "belum tercapai"),
                                             ("-", "belum dapat dihitung capaiannya")) if counts[k]]
    if not parts:
        return "belum ada yang dapat dinilai"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]


def average_para(svc, lead: str = "Rata-rata capaian kinerja") -> Para:
    wb, calc = svc.wb, svc.calc
    avg = calc.opd_average()
    w = Sentences()
    if avg.value is None:
        w.say(f"{lead} {opd_name(wb)} tahun {wb.settings.tahun} belum dapat dihitung karena belum ada indikator "
              "yang capaiannya dapat dihitung.")
        return w.para()
    a = T.percent(avg.value)
    w.say(f"{lead} {opd_name(wb)} tahun {wb.settings.tahun} {average_basis(avg)} sebesar {a.text}%, "
          f"sehingga secara umum kinerjanya {status_text(status_word(avg.value))}.")
    w.fig("rata_rata", a.text)
    if avg.counted < avg.total:
        w.say(f"{count_words(avg.total - avg.counted)} {avg.unit} belum dapat dihitung capaiannya dan tidak ikut "
              "dirata-ratakan.")
    return w.para()


def budget_para(svc) -> Para:
    """Pagu, realisasi, serapan and efisiensi of the whole OPD (Ikhtisar)."""
    wb, calc = svc.wb, svc.calc
    o = calc.opd_totals()
    conv = wb.settings.efisiensi
    label = "pagu anggaran setelah perubahan" if wb.settings.perubahan_berlaku else "pagu anggaran murni"
    w = Sentences()
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

