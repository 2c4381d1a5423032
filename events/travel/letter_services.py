"""Support letters for a trip: issuing one (a reference number, the signer, the date), its PDF
with the passport number typed at download, and the coordinators' letter templates. The PDF
itself is made by letters.py."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.records import assign, delete_record, require, save_clean
from members.permissions import can_download_support_letter, can_manage_travel, member_of

from ..models import Participation, SupportLetter, SupportLetterTemplate
from .services import is_trip

LETTER_LANGUAGES = ("en", "zh-hans")
PASSPORT_NUMBER_RE = re.compile(r"^[A-Z0-9]{5,20}$")


def _next_reference(issued_on):
    prefix = f"SL-{issued_on:%Y}-"
    last = SupportLetter.objects.filter(reference__startswith=prefix).aggregate(Max("reference"))[
        "reference__max"
    ]
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


@transaction.atomic
def support_letter_issue(*, user, participation, language, signer_name="", issued_on=None):
    """A coordinator issues the community's support letter for a trip: a reference number
    (SL-<year>-<n>), the signer and the date are recorded; the PDF is made on download."""
    require(can_manage_travel(user), _("Only coordinators may issue support letters."))
    if language not in LETTER_LANGUAGES:
        raise ValidationError({"language": _("A support letter is written in English or Chinese.")})
    participation = Participation.objects.select_related("event", "member").get(pk=participation.pk)
    if not is_trip(participation):
        raise ValidationError(
            _("A support letter is for a tentative or confirmed trip that involves travel.")
        )
    template = SupportLetterTemplate.objects.filter(language=language).first()
    if template is None:
        raise ValidationError(
            {"language": _("Coordinators have not written the letter's template in this language.")}
        )
    issued_on = issued_on or timezone.localdate()
    Participation.objects.select_for_update().filter(pk=participation.pk).get()
    # One issuer at a time picks the next number (the unique constraint is the last guard).
    list(SupportLetter.objects.select_for_update().filter(reference__startswith=f"SL-{issued_on:%Y}-"))
    letter = SupportLetter(
        participation=participation,
        language=language,
        reference=_next_reference(issued_on),
        signer_name=(signer_name or template.signer_name).strip(),
        issued_on=issued_on,
        issued_by=member_of(user),
    )
    save_clean(letter)
    return letter


def clean_passport_number(text):
    number = re.sub(r"[\s-]", "", text or "").upper()
    if not PASSPORT_NUMBER_RE.match(number):
        raise ValidationError(
            {"passport_number": _("A passport number is 5 to 20 letters and digits, e.g. E12345678.")}
        )
    return number


def support_letter_pdf(*, user, letter, passport_number):
    """The letter's PDF (bytes) with the passport number typed now; the number is printed,
    never stored or logged. Only the traveller and coordinators."""
    from .letters import render_support_letter  # the PDF library is loaded only when a letter is made

    require(
        can_download_support_letter(user, letter),
        _("Only the traveller and coordinators may download this letter."),
    )
    number = clean_passport_number(passport_number)
    template = SupportLetterTemplate.objects.filter(language=letter.language).first()
    if template is None:
        raise ValidationError(_("Coordinators have not written the letter's template in this language."))
    return render_support_letter(letter=letter, template=template, passport_number=number)


SUPPORT_TEMPLATE_FIELDS = ("language", "organisation", "title", "body", "signer_name", "signer_title")


def _check_placeholders(body):
    from .letters import PLACEHOLDERS  # the letter module names the placeholders

    unknown = sorted(set(re.findall(r"\{(\w*)\}", body)) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            {
                "body": _("Unknown placeholders: %(names)s")
                % {"names": ", ".join("{" + name + "}" for name in unknown)}
            }
        )


@transaction.atomic
def support_letter_template_create(*, user, **fields):
    require(can_manage_travel(user), _("Only coordinators may edit the letter's template."))
    template = SupportLetterTemplate()
    assign(template, {k: v for k, v in fields.items() if k in SUPPORT_TEMPLATE_FIELDS})
    _check_placeholders(template.body)
    return save_clean(template, conflict=_("There is already a template in this language."))


@transaction.atomic
def support_letter_template_update(*, user, template, **fields):
    require(can_manage_travel(user), _("Only coordinators may edit the letter's template."))
    assign(template, {k: v for k, v in fields.items() if k in SUPPORT_TEMPLATE_FIELDS})
    _check_placeholders(template.body)
    return save_clean(template, conflict=_("There is already a template in this language."))


@transaction.atomic
def support_letter_template_delete(*, user, template):
    require(can_manage_travel(user), _("Only coordinators may edit the letter's template."))
    delete_record(template)
