"""Text that XML can hold, for every renderer that writes user text into markup (the Word
XML, reportlab's paragraph markup): control characters dropped, tabs as spaces."""

from __future__ import annotations

import re

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (tabs and line breaks stay)."""
    return _XML_BAD.sub("", text) if _XML_BAD.search(text) else text


def clean(text: object) -> str:
    """Text Word (or any XML) can store: control characters dropped, tabs as spaces."""
    s = "" if text is None else str(text)
    return xml_safe(s.replace("\t", " "))
