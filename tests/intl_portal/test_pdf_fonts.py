"""The one CJK font finder of the PDFs: the Simplified Chinese face of a collection, a
configured file first, nothing when the system has none."""

import os
import re

import pytest
from fpdf import FPDF

from intl_portal.common import pdf_fonts


def _system_font_or_skip():
    found = pdf_fonts._system_font()
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("no CJK font installed (fonts-noto-cjk)")
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    return found


def test_a_collection_gives_its_simplified_chinese_face(settings):
    settings.PDF_CJK_FONT = ""
    path, index = pdf_fonts.cjk_font()
    assert path == _system_font_or_skip()
    if path.lower().endswith(".ttc"):
        from fontTools.ttLib import TTCollection

        name = TTCollection(path, lazy=True).fonts[index]["name"].getDebugName(1)
        assert name.endswith(" SC"), name


def test_the_embedded_face_is_the_simplified_chinese_one(settings):
    settings.PDF_CJK_FONT = ""
    path = _system_font_or_skip()
    pdf = FPDF()
    assert pdf_fonts.add_cjk_font(pdf)
    pdf.add_page()
    pdf.set_font("cjk", size=12)
    pdf.cell(text="门户")
    names = set(re.findall(rb"/BaseFont\s*/\w+\+(\S+)", bytes(pdf.output())))
    if path.lower().endswith(".ttc"):
        # the face's PostScript name, e.g. NotoSansCJKSC (index 0 would be the Japanese face)
        assert any(name.upper().endswith(b"SC") for name in names), names


def test_a_configured_file_wins_and_a_missing_one_is_ignored(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_fonts, "_system_font", lambda: "")
    settings.PDF_CJK_FONT = str(tmp_path / "missing.otf")
    assert pdf_fonts.cjk_font() is None
    assert pdf_fonts.add_cjk_font(FPDF()) is False
    font = tmp_path / "Custom.otf"
    font.write_bytes(b"not read until a PDF is made")
    settings.PDF_CJK_FONT = str(font)
    assert pdf_fonts.cjk_font() == (str(font), 0)
