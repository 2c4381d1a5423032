"""Receipt files: PDF or an image, size-limited, recognised by their content.

The extension must agree with what the bytes say: a renamed executable or an HTML page
called receipt.pdf is refused.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# kind -> the extensions a file of that kind may carry
EXTENSIONS = {
    "pdf": {".pdf"},
    "png": {".png"},
    "jpeg": {".jpg", ".jpeg"},
    "webp": {".webp"},
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
}


def max_receipt_bytes():
    return getattr(settings, "BUDGET_RECEIPT_MAX_BYTES", DEFAULT_MAX_BYTES)


def sniff_kind(head, tail=b""):
    """The kind of a file from its first bytes (and last bytes for PDF), or None."""
    if head.startswith(b"%PDF-"):
        # A PDF ends with %%EOF (possibly followed by white space); a truncated one does not.
        return "pdf" if b"%%EOF" in tail else None
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def _read_head_and_tail(file):
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(32)
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    file.seek(max(0, size - 1024))
    tail = file.read(1024)
    file.seek(position)
    return head, tail, size


def validate_receipt(file):
    """Raise ValidationError unless `file` is a PDF, PNG, JPEG or WebP within the size limit."""
    if not file:
        return
    limit = max_receipt_bytes()
    head, tail, size = _read_head_and_tail(file)
    if size > limit:
        raise ValidationError(
            _("The receipt is %(size)s; the limit is %(limit)s."),
            code="receipt_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    if size == 0:
        raise ValidationError(_("The receipt file is empty."), code="receipt_empty")
    kind = sniff_kind(head, tail)
    if kind is None:
        raise ValidationError(
            _("The receipt must be a PDF or an image (PNG, JPEG, WebP); this file is not."),
            code="receipt_type",
        )
    name = (getattr(file, "name", "") or "").lower()
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if suffix not in EXTENSIONS[kind]:
        raise ValidationError(
            _("The file's content is %(kind)s but its name ends in “%(suffix)s”."),
            code="receipt_extension",
            params={"kind": kind.upper(), "suffix": suffix or "—"},
        )


def receipt_content_type(file):
    """The content type to serve a stored receipt with (octet-stream when unrecognised)."""
    with file.open("rb") as handle:
        head = handle.read(32)
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 1024))
        tail = handle.read(1024)
    kind = sniff_kind(head, tail)
    return CONTENT_TYPES.get(kind, "application/octet-stream")
