"""The figures one OPD contributes to the rekap, each from the OPD's own rules: its
Calculator (capaian, rating, budget, efisiensi), its reviu and its audit trail. Nothing here
recomputes a figure another way, so the rekap cannot disagree with the OPD's own LKIP."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ...domain.compute import Calculator
from ...domain.model import Workbook
from ...domain.capaian import target_met
from ...domain.pk.levels import tingkat_of
from ...domain.rating import scale_of
from ...domain.reviu import LEVELS, check
from ...domain.values import format_value
from ..narrative import narasi_texts



@dataclass(frozen=True)
class IkuLine:
    """One IKU as the OPD's capaian table prints it."""

    kode: str
    nama: str
    satuan: str
    target: str  # printed text: "40", "A (82,04)", "-"
    realisasi: str
    capaian: Decimal | None
    predikat: str | None  # the rating label of the capaian


@dataclass(frozen=True)
class OpdSummary:
    source: str  # the file it was read from (name only)
    opd: str
    singkatan: str
    tahun: int
    iku_count: int
    capaian: Decimal | None  # OPD average capaian, unrounded (RULES 4)
    capaian_counted: int  # IKU with a capaian ("n dari m")
    predikat: str | None  # rating of the average on the workbook's scale
    iku_met: int  # IKU whose shown capaian reaches 100
    pagu_murni: int
    pagu_perubahan: int
    pagu: int  # the pagu serapan is measured against (RULES 6.3)
    realisasi: int | None
    serapan: Decimal | None
    efisiensi: Decimal | None  # by the workbook's convention (Calculator.opd_efisiensi)
    pk_tanggal: date | None  # latest signed OPD PK (murni); None: none signed
    pk_perubahan_tanggal: date | None  # latest signed OPD PK Perubahan
    reviu: dict[str, int] = field(default_factory=dict)  # findings per level (domain.reviu.LEVELS)
    last_change: str | None = None  # ISO time of the latest audit row
    ikus: tuple[IkuLine, ...] = ()

    @property
    def name(self) -> str:
        return self.opd or self.singkatan or self.source

    @property
    def key(self) -> tuple[str, int]:
        """Two summaries with the same key are the same OPD's year (a duplicate)."""
        return " ".join(self.name.lower().split()), self.tahun


def signed_pk_dates(wb: Workbook) -> tuple[date | None, date | None]:
    """The dates of the latest signed OPD-level PK and PK Perubahan (lower-level PKs of a
    program or kegiatan are not the OPD's agreement). A signed PK without a date counts as
    signed on an unknown date: ``date.min``."""
    latest: dict[str, date] = {}
    for pk in wb.pk_list():
        if not pk.ditandatangani or tingkat_of(wb, pk).lower:
            continue
        when = pk.tanggal or date.min
        jenis = "perubahan" if pk.jenis == "perubahan" else "murni"
        if jenis not in latest or when >= latest[jenis]:
            latest[jenis] = when
    return latest.get("murni"), latest.get("perubahan")


def summarize(svc, source: str = "") -> OpdSummary:
    """The summary of the workbook open in ``svc`` (a WorkbookService, read-only is enough)."""
    wb: Workbook = svc.wb
    calc: Calculator = svc.calc
    scale = scale_of(wb)
    ikus = []
    for ind in wb.iku_list():
        r = calc.indicator(ind.id)
        ikus.append(IkuLine(ind.kode or "", ind.nama or "", ind.satuan or "",
                            format_value(r.target, None), format_value(r.realisasi.value, ind.desimal),
                            r.capaian.value, r.rating.label if r.rating else None))
    avg = calc.opd_average()
    band = scale.rate(avg.value)
    totals = calc.opd_totals()
    findings = check(wb, calc, narasi=narasi_texts(svc))
    reviu = {level: sum(1 for f in findings if f.level == level) for level in LEVELS}
    last = svc.history(limit=1)
    pk, pk_p = signed_pk_dates(wb)
    return OpdSummary(
        source=source,
        opd=wb.opd.nama or "",
        singkatan=wb.opd.singkatan or "",
        tahun=wb.settings.tahun,
        iku_count=len(ikus),
        capaian=avg.value,
        capaian_counted=avg.counted,
        predikat=band.label if band else None,
        iku_met=sum(1 for i in ikus if target_met(i.capaian)),
        pagu_murni=totals.pagu_murni,
        pagu_perubahan=totals.pagu_perubahan,
        pagu=totals.pagu,
        realisasi=totals.realisasi,
        serapan=totals.serapan,
        efisiensi=calc.opd_efisiensi(),
        pk_tanggal=pk,
        pk_perubahan_tanggal=pk_p,
        reviu=reviu,
        last_change=last[0].waktu if last else None,
        ikus=tuple(ikus),
    )
