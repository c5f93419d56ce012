"""Low-level WordprocessingML pieces for the Word renderer: elements, text runs (as
elements and as XML text for cells built in bulk), the complex fields this app writes
itself, and style fonts. User text only ever becomes ``w:t`` text (``plain_text.clean``)."""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .plain_text import clean


def el(tag: str, **attrs) -> OxmlElement:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), str(v))
    return e


def run(text: str, *, bold: bool = False, italic: bool = False, size: float | None = None):
    r = el("w:r")
    rpr = el("w:rPr")
    if bold:
        rpr.append(el("w:b"))
    if italic:
        rpr.append(el("w:i"))
    if size:
        rpr.append(el("w:sz", val=int(round(size * 2))))
        rpr.append(el("w:szCs", val=int(round(size * 2))))
    if len(rpr):
        r.append(rpr)
    lines = clean(text).split("\n")
    for i, line in enumerate(lines):
        if i:
            r.append(el("w:br"))
        t = el("w:t")
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)
    return r


def run_xml(text: str, *, bold: bool = False, size: float | None = None) -> str:
    """The same run as ``run``, as XML text (for table cells, built in bulk)."""
    pr = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{int(round(size * 2))}"/><w:szCs w:val="{int(round(size * 2))}"/>'
                                       if size else "")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{xml_escape(line)}</w:t>' for line in clean(text).split("\n"))
    return f"<w:r>{f'<w:rPr>{pr}</w:rPr>' if pr else ''}{body}</w:r>"


def field_runs(instr: str, placeholder: str) -> list:
    """A complex field (begin, instruction, separate, shown text, end): only for fields this
    module writes itself, never with user text in ``instr``."""
    b = el("w:r")
    b.append(el("w:fldChar", fldCharType="begin", dirty="true"))
    i = el("w:r")
    it = el("w:instrText")
    it.text = instr
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    i.append(it)
    s = el("w:r")
    s.append(el("w:fldChar", fldCharType="separate"))
    shown = run(placeholder, italic=True)
    e = el("w:r")
    e.append(el("w:fldChar", fldCharType="end"))
    return [b, i, s, shown, e]


def set_font(style, name: str, size: float | None = None, bold: bool | None = None) -> None:
    style.font.name = name
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = el("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), name)

