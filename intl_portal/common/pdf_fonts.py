"""The CJK font the portal's PDFs (support letters, the year in review) embed.

It comes from the system's packages (fonts-noto-cjk, or WenQuanYi) under /usr/share/fonts, or
from settings.PDF_CJK_FONT; it is never fetched. In a font collection (.ttc) the face for
Simplified Chinese is taken, so 门 and 直 are drawn the way a reader in China writes them.
"""

import functools
import glob
from pathlib import Path

from django.conf import settings

FONT_GLOBS = (
    "/usr/share/fonts/**/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/**/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/**/NotoSansSC-Regular.[ot]tf",
    "/usr/share/fonts/**/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/**/wqy-microhei.ttc",
    "/usr/share/fonts/**/wqy-zenhei.ttc",
)


@functools.cache
def _system_font():
    for pattern in FONT_GLOBS:
        for path in sorted(glob.glob(pattern, recursive=True)):
            return path
    return ""


@functools.cache
def _simplified_chinese_face(path):
    """In a font collection (.ttc), the index of the Simplified Chinese face; 0 otherwise."""
    if not path.lower().endswith(".ttc"):
        return 0
    from fontTools.ttLib import TTCollection  # fpdf2's own dependency, read only for a .ttc

    collection = TTCollection(path, lazy=True)
    for index, font in enumerate(collection.fonts):
        name = font["name"].getDebugName(1) or ""
        if name.endswith(" SC") and "Mono" not in name:
            return index
    return 0


def cjk_font():
    """(path, face index) of the CJK font to embed, or None when the system has none."""
    configured = getattr(settings, "PDF_CJK_FONT", "")
    path = configured if configured and Path(configured).is_file() else _system_font()
    if not path:
        return None
    return path, _simplified_chinese_face(path)


def add_cjk_font(pdf, family="cjk"):
    """Register the CJK font with an fpdf2 document as `family`; False when there is none."""
    font = cjk_font()
    if font is None:
        return False
    path, index = font
    pdf.add_font(family, "", path, collection_font_number=index)
    return True
