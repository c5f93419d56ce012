"""The Word body streamed into the .docx zip: ``word/document.xml`` is written block by block
as the renderer makes it, so memory stays the size of one block, not of the document (a
city-size LKIP as one lxml tree takes gigabytes). The rest of the package (styles, settings,
footers, images, relationships, properties) is small: python-docx saves it at the end and it
is copied beside the streamed part.

python-docx keeps building each block into its ``w:body`` as usual; ``flush`` serializes every
body child but the final ``w:sectPr`` (the open section, which later blocks still change),
writes it and drops it from the tree. A table's rows come as XML text (``docx_table``) and go
straight into its element's text, never parsed.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Iterable

from docx.oxml.ns import qn
from lxml import etree

DOCUMENT_PART = "word/document.xml"
_BODY_OPEN = b"<w:body>"
_TBL_CLOSE = b"</w:tbl>"
_CHUNK = 1 << 16


class BodyStream:
    """``word/document.xml`` of ``zf`` written from the document element ``document`` of a
    python-docx ``Document`` as its body grows; ``finish`` writes the rest of the package."""

    def __init__(self, zf: zipfile.ZipFile, document):
        self.zf = zf
        self.document = document
        self.body = document.find(qn("w:body"))
        xml = _serialize(document)
        at = xml.index(_BODY_OPEN) + len(_BODY_OPEN)
        # the declarations lxml repeats on every serialized child: the root has them already
        self._declared = re.findall(rb' xmlns:[\w.-]+="[^"]*"', xml[:xml.index(b">")])
        self._rows: dict[object, Iterable[str]] = {}
        self._buffer: list[bytes] = []
        self._size = 0
        self.out = zf.open(DOCUMENT_PART, "w")
        self._write(xml[:at])

    def rows_for(self, tbl, rows: Iterable[str]) -> None:
        """``rows`` (``w:tr`` XML text) go at the end of the table element ``tbl`` when written."""
        self._rows[tbl] = rows

    def flush(self) -> None:
        """Write every finished body child and drop it from the tree."""
        for child in list(self.body):
            if child.tag == qn("w:sectPr"):
                continue  # the sentinel: the last section's properties, still open
            xml = self._own(_serialize(child))
            rows = self._rows.pop(child, None)
            self.body.remove(child)
            if rows is None:
                self._write(xml)
                continue
            cut = xml.rindex(_TBL_CLOSE)
            self._write(xml[:cut])
            for tr in rows:
                self._write(tr.encode("utf-8"))
            self._write(xml[cut:])

    def finish(self, save) -> None:
        """Close ``word/document.xml`` with the last section and the end tags, then copy the
        other parts from ``save(file)`` (python-docx's save of the now empty body)."""
        self.flush()
        xml = _serialize(self.document)
        self._write(xml[xml.index(_BODY_OPEN) + len(_BODY_OPEN):])
        self._drain()
        self.out.close()
        buf = io.BytesIO()
        save(buf)
        with zipfile.ZipFile(buf) as rest:
            for info in rest.infolist():
                if info.filename != DOCUMENT_PART:
                    self.zf.writestr(info.filename, rest.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)

    def close(self) -> None:
        """Let go of the part on an error (the zip can close; the caller drops the file)."""
        if not self.out.closed:
            self._buffer.clear()
            self.out.close()

    def _own(self, xml: bytes) -> bytes:
        """``xml`` without the namespace declarations its root inherits from the document."""
        end = xml.index(b">")
        head = xml[:end]
        for decl in self._declared:
            head = head.replace(decl, b"", 1)
        return head + xml[end:]

    def _write(self, data: bytes) -> None:
        self._buffer.append(data)
        self._size += len(data)
        if self._size >= _CHUNK:
            self._drain()

    def _drain(self) -> None:
        self.out.write(b"".join(self._buffer))
        self._buffer.clear()
        self._size = 0


def _serialize(element) -> bytes:
    if element.getparent() is None:  # the part's root, as python-docx writes it
        return etree.tostring(element, encoding="UTF-8", standalone=True)
    return etree.tostring(element, encoding="UTF-8", with_tail=False)
