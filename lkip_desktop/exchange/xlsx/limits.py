"""What an Excel import refuses: the size limits (module constants so tests can lower them)
and the error it raises."""

from __future__ import annotations

from ...domain.errors import InputError


MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one uncompressed part (a sheet's XML, shared strings)
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ROWS = 20000
MAX_COLS = 200
HEADER_SCAN_ROWS = 30

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class XlsxImportError(InputError):
    """A file that cannot be imported; the message is Indonesian, for the user."""
