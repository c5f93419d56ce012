"""The report's signature block lines from the profile."""

from datetime import date

from lkip_desktop.domain.model import Opd
from lkip_desktop.domain.signature import UNDATED, report_signature


def _opd(**kw) -> Opd:
    base = dict(kota="Bekasi", kepala_nama="Dr. H. Junaedi, S.Pd", kepala_jabatan="Sekretaris Daerah",
                kepala_pangkat="Pembina Utama Madya", kepala_golongan="IV/d", kepala_nip="196610061986031008")
    base.update(kw)
    return Opd(**base)


def test_full_block_with_plt_and_place():
    sig = report_signature(_opd(ttd_tempat="Kota Bekasi", ttd_tanggal=date(2025, 1, 2), kepala_status="Plt."))
    assert sig.lines() == ["Kota Bekasi, 02 Januari 2025", "Plt. Sekretaris Daerah,", "Dr. H. Junaedi, S.Pd",
                           "Pembina Utama Madya / IV/d", "NIP. 19661006 198603 1 008"]


def test_defaults_kota_and_dots_and_no_status():
    sig = report_signature(_opd(), zero_pad=False)
    assert sig.place_date == f"Bekasi, {UNDATED}" and sig.jabatan == "Sekretaris Daerah,"
    assert report_signature(_opd(ttd_tanggal=date(2025, 1, 2)), zero_pad=False).place_date == "Bekasi, 2 Januari 2025"


def test_no_name_no_block():
    assert report_signature(_opd(kepala_nama="  ")) is None
