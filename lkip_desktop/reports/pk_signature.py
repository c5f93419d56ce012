"""The parties of the printed PK: the name/jabatan block of each party in the statement,
and the two signature columns (place and date, room for the wet signature and stamp, the
names, pangkat/golongan and NIP)."""

from __future__ import annotations

from reportlab.lib.units import mm

from ..domain import pk as rules
from ..domain.model import PkVersion, Workbook
from .pk_canvas import BODY_LEADING, BODY_SIZE, BOLD, REGULAR, PkLayout, width_of, wrap

SIGN_SPACE = 62  # room for the wet signature and the stamp


def party(lay: PkLayout, fields: list[tuple[str, str]]) -> None:
    size = BODY_SIZE
    label_w = max(width_of(k, REGULAR, size) for k, _ in fields) + 10
    x_label = lay.left + 10 * mm
    x_colon = x_label + label_w
    x_value = x_colon + width_of(": ", REGULAR, size)
    for k, v in fields:
        lines = wrap(v, REGULAR, size, lay.right - x_value)
        lay.ensure(size * BODY_LEADING * len(lines))
        lay.text(x_label, lay.y + size, k)
        lay.text(x_colon, lay.y + size, ":")
        for line in lines:
            lay.text(x_value, lay.y + size, line)
            lay.y += size * BODY_LEADING


def fit_size(text: str, font: str, size: float, width: float) -> float:
    """The font size at which ``text`` fits ``width`` (a long name shrinks, down to 8 pt)."""
    w = width_of(text, font, size)
    return size if w <= width else max(8.0, size * width / w)


def signatures(lay: PkLayout, wb: Workbook, pk: PkVersion, zero_pad: bool) -> None:
    """Pihak Kedua on the left, Pihak Pertama on the right under the place and date; under
    each name its pangkat/golongan and NIP (pihak kedua has them only at the lower levels)."""
    size = BODY_SIZE
    lead = size * BODY_LEADING
    right = [t for t in (rules.pangkat_golongan(pk.pihak1_pangkat, pk.pihak1_golongan),
                         rules.nip_line(pk.pihak1_nip)) if t]
    left = [t for t in rules.pihak2_detail(wb, pk) if t]
    lay.ensure(lead * 3 + SIGN_SPACE + lead * (1 + max(len(left), len(right))))
    col = lay.text_width / 2
    lx0, lx1 = lay.left, lay.left + col - 4 * mm
    rx0, rx1 = lay.left + col + 4 * mm, lay.right
    lay.centered(rules.tanggal_line(pk, zero_pad), REGULAR, size, rx0, rx1, lay.y + size)
    lay.y += lead
    lay.centered("Pihak Kedua,", BOLD, size, lx0, lx1, lay.y + size)
    lay.centered("Pihak Pertama,", BOLD, size, rx0, rx1, lay.y + size)
    lay.y += lead + SIGN_SPACE
    for name, x0, x1 in ((pk.pihak2_nama, lx0, lx1), (pk.pihak1_nama, rx0, rx1)):
        if not name.strip():  # a draft printed before the name is known: written in by hand
            lay.centered("(" + "." * 40 + ")", REGULAR, size, x0, x1, lay.y + size)
            continue
        fs = fit_size(name, BOLD, size, x1 - x0)
        w = width_of(name, BOLD, fs)
        x = x0 + (x1 - x0 - w) / 2
        lay.text(x, lay.y + size, name, BOLD, fs)
        lay.line(x, lay.y + size + 1.6, x + w, lay.y + size + 1.6, 0.7)
    lay.y += lead
    for n in range(max(len(left), len(right))):
        for lines, x0, x1 in ((left, lx0, lx1), (right, rx0, rx1)):
            if n < len(lines):
                lay.centered(lines[n], REGULAR, fit_size(lines[n], REGULAR, size, x1 - x0), x0, x1, lay.y + size)
        lay.y += lead
