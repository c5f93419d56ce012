"""Bab III, per IKU: the sentences on one indicator's capaian, its components, the year
before, the Renstra target and the money behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...domain.budget import banding_predikat, efisiensi_label
from ...domain.capaian import status_word
from ...domain.numbers import format_number
from ...domain.rating import prose_name, scale_of
from ...domain.values import Predikat
from .. import table as T
from ..builders.common import previous_period_end, realisasi_cell, renstra_label, target_cell
from .wording import EFISIENSI_WORDS, Para, Sentences, count_words, rp, status_text, user_paras, with_unit


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
    w = Sentences()
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
    w.say(f"sehingga capaian kinerjanya sebesar {w.fig('capaian', c_cell.text)}% ({status_text(res.status)}).")
    if cap.note:
        w.say(f"Capaian dihitung {cap.note}.")
    if res.rating is not None:
        name = prose_name(scale_of(wb))
        w.say(f"Menurut {name}, capaian ini termasuk kriteria {res.rating.label}.")
    return w.para()


def iku_komponen(svc, ind_id: str) -> Para | None:
    """The worked computation of a composite indicator, as the table prints it."""
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    if not ind.rumus_komponen:
        return None
    real = calc.indicator(ind_id).realisasi
    w = Sentences()
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
    w = Sentences()
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
    w.say(f"Dibandingkan dengan tahun {tahun - 1}, ketika realisasinya {with_unit(ind, r_last)},")
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
            w.say(f"realisasi tahun {tahun} sebesar {with_unit(ind, r_now)} tidak dapat dikurangkan secara angka.")
            w.fig("realisasi", r_now.text)
        else:
            cell = T.number(sel, ind.desimal)  # the table's "Selisih" cell
            shown = cell.number or Decimal(0)
            w.fig("realisasi", r_now.text)
            if shown == 0:
                w.say(f"realisasi tahun {tahun} sebesar {with_unit(ind, r_now)} sama dengan tahun sebelumnya.")
            else:
                arah = "naik" if shown > 0 else "turun"
                mag = format_number(abs(shown), ind.desimal)
                w.say(f"realisasi tahun {tahun} sebesar {with_unit(ind, r_now)} {arah} {mag} poin.")
                w.fig("selisih", mag)
    if last.target is not None:
        t_last = target_cell(last.target)
        w.fig("target_lalu", t_last.text)
        kind = ("target akhir Renstra periode sebelumnya" if previous_period_end(wb) == tahun - 1
                else "target")
        w.say(f"Pada tahun {tahun - 1}, {kind} adalah {with_unit(ind, t_last)}.")
    if last.capaian.value is not None:
        c = T.percent(last.capaian.value)
        w.say(f"Capaian kinerja tahun {tahun - 1} sebesar {c.text}%.")
        w.fig("capaian_lalu", c.text)
    return w.para()


def iku_renstra(svc, ind_id: str) -> Para:
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    s = wb.settings
    w = Sentences()
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


def iku_anggaran(svc, ind_id: str) -> Para:
    wb, calc = svc.wb, svc.calc
    ind = wb.indicators[ind_id]
    b = calc.iku_budget(ind_id)
    conv = wb.settings.efisiensi
    w = Sentences()
    if not b.items:
        w.say(f"Belum ada sub kegiatan yang dikaitkan dengan indikator {ind.nama}, sehingga alokasi, serapan dan "
              "efisiensi anggarannya belum dapat dihitung.")
        return w.para()
    w.say(f"Indikator {ind.nama} didukung oleh {count_words(len(b.items))} sub kegiatan dengan pagu anggaran "
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

