"""The community's support letter as a PDF (fpdf2), from the coordinators' template.

Chinese needs a CJK font from the system's packages (fonts-noto-cjk): the one
intl_portal.common.pdf_fonts finds, never fetched. Without one, a
Chinese letter is refused with a clear message; an English letter falls back to Helvetica.
"""

import string

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from intl_portal.common.pdf_fonts import add_cjk_font, cjk_font

PLACEHOLDERS = (
    "traveller",
    "passport_number",
    "passport_country",
    "event",
    "city",
    "country",
    "start_date",
    "end_date",
    "role",
    "reference",
    "date",
    "signer",
    "organisation",
)


def _values(*, letter, template, passport_number):
    participation = letter.participation
    member, event = participation.member, participation.event
    chinese = letter.language.startswith("zh")
    traveller = (member.name_zh if chinese else member.name_en) or member.display_name
    with translation.override(letter.language):
        role = str(participation.get_role_display())
        passport_country = str(countries.name(member.passport_country)) if member.passport_country else ""
        country = str(countries.name(event.country)) if event.country else ""
    date_format = "%Y年%m月%d日" if chinese else "%d %B %Y"

    def day(value):
        return value.strftime(date_format) if value else ""

    return {
        "traveller": traveller,
        "passport_number": passport_number,
        "passport_country": passport_country,
        "event": event.name,
        "city": event.city,
        "country": country,
        "start_date": day(event.start_date),
        "end_date": day(event.end_date or event.start_date),
        "role": role,
        "reference": letter.reference,
        "date": day(letter.issued_on),
        "signer": letter.signer_name,
        "organisation": template.organisation,
    }


class _Placeholders(string.Formatter):
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "{" + str(key) + "}")


def fill(text, values):
    return _Placeholders().vformat(text, (), values)


def render_support_letter(*, letter, template, passport_number):
    """The PDF's bytes."""
    from fpdf import FPDF  # loaded only when a letter is made

    values = _values(letter=letter, template=template, passport_number=passport_number)
    chinese = letter.language.startswith("zh")
    if chinese and cjk_font() is None:
        raise ValidationError(
            _(
                "The Chinese letter cannot be made: no Chinese font is installed on the server "
                "(install the fonts-noto-cjk package). The English letter can be made."
            )
        )
    pdf = FPDF(format="A4")
    pdf.set_title(f"{template.title} {letter.reference}")
    pdf.set_creator("intl_portal")
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    font = add_cjk_font(pdf)
    family = "cjk" if font else "helvetica"

    def text(value):
        return value if font else value.encode("latin-1", "replace").decode("latin-1")

    with translation.override(letter.language):
        labels = {
            "reference": _("Reference"),
            "date": _("Date"),
            "traveller": _("Traveller"),
            "passport": _("Passport"),
            "event": _("Event"),
            "dates": _("Dates"),
        }
    width = pdf.epw
    pdf.set_font(family, size=15)
    pdf.multi_cell(width, 8, text(template.organisation), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=10)
    pdf.cell(width, 6, text(f"{labels['reference']}: {letter.reference}"), new_x="LMARGIN", new_y="NEXT")
    pdf.cell(width, 6, text(f"{labels['date']}: {values['date']}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(family, size=14)
    pdf.multi_cell(width, 8, text(fill(template.title, values)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(family, size=10)
    passport = " ".join(part for part in (values["passport_country"], values["passport_number"]) if part)
    dates = values["start_date"]
    if values["end_date"] and values["end_date"] != values["start_date"]:
        dates = f"{values['start_date']} – {values['end_date']}"
    place = ", ".join(part for part in (values["city"], values["country"]) if part)
    details = (
        (labels["traveller"], values["traveller"]),
        (labels["passport"], passport),
        (labels["event"], f"{values['event']} ({place})" if place else values["event"]),
        (labels["dates"], dates),
    )
    for label, value in details:
        pdf.multi_cell(width, 6, text(f"{label}: {value}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.set_font(family, size=11)
    for paragraph in fill(template.body, values).split("\n"):
        pdf.multi_cell(width, 6.5, text(paragraph), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.multi_cell(width, 6, text(letter.signer_name), new_x="LMARGIN", new_y="NEXT")
    if template.signer_title:
        pdf.multi_cell(width, 6, text(template.signer_title), new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(width, 6, text(template.organisation), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
