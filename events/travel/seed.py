"""The requirement table's starting data: the Passport Index Dataset's rows for CN, HK and TW
passports (data/passport-index-cn-hk-tw.csv, copied unmodified) and the group's default lead
times per requirement and destination.

Visa requirements: Passport Index Dataset by Ilya Ilyankou
(github.com/ilyankou/passport-index-dataset), MIT licence; data source passportindex.org,
12 January 2025.
"""

import csv
import datetime as dt
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from django_countries import countries

DATASET_PATH = Path(__file__).parent / "data" / "passport-index-cn-hk-tw.csv"
DATASET_DATE = dt.date(2025, 1, 12)
DATASET_SOURCE = "Passport Index Dataset (github.com/ilyankou/passport-index-dataset), MIT"
ATTRIBUTION = _(
    "Visa requirements: Passport Index Dataset by Ilya Ilyankou "
    "(github.com/ilyankou/passport-index-dataset), MIT licence; data source passportindex.org, "
    "12 January 2025."
)

SCHENGEN = frozenset(
    "AT BE BG HR CZ DK EE FI FR DE GR HU IS IT LV LI LT LU MT NL NO PL PT RO SK SI ES SE CH".split()  # noqa: SIM905
)

# Days before the event's start by which an application should be made, by requirement kind.
DEFAULT_LEAD_DAYS = {
    "visa_required": 42,
    "e_visa": 21,
    "entry_permit": 42,
    "eta": 14,
    "visa_on_arrival": 0,
    "visa_free": 0,
    "no_admission": 0,
    "own_country": 0,
}

SCHENGEN_NOTE = (
    "Schengen visa: apply 15 days to 6 months before travel; usually decided within 15 days, "
    "up to 45. Needs the organiser's invitation letter and proof of funding."
)
US_NOTE = "US visa (B1/B2): interview wait times are long; apply as soon as the trip is likely."

# Per destination, what the group knows better than the dataset: (kind or None, lead days, note).
DESTINATION_RULES = {
    "US": (None, 112, US_NOTE),
    "GB": (None, 56, "UK standard visitor visa: decision usually within 3 weeks."),
    "JP": (None, 21, "Japan e-visa for CN passports: apply online, about 3 weeks."),
    "KR": (None, 21, "Korea: visa or e-visa; allow about 3 weeks."),
}
# Per (passport, destination): overrides of the dataset's kind.
PAIR_RULES = {
    ("CN", "TW"): (
        "entry_permit",
        42,
        "Mainland residents: an Exit-Entry Permit for Taiwan with an endorsement, and Taiwan's "
        "entry permit (usually sponsored by the organiser).",
    ),
    ("CN", "HK"): ("entry_permit", 28, "Exit-Entry Permit for Hong Kong and Macao with an endorsement."),
    ("CN", "MO"): ("entry_permit", 28, "Exit-Entry Permit for Hong Kong and Macao with an endorsement."),
}


def requirement_from_text(text):
    """The dataset's Requirement column → (kind, visa-free days or None)."""
    text = text.strip().lower()
    if text == "-1":
        return "own_country", None
    if text.isdigit():
        return "visa_free", int(text)
    kinds = {
        "visa free": "visa_free",
        "visa on arrival": "visa_on_arrival",
        "eta": "eta",
        "e-visa": "e_visa",
        "visa required": "visa_required",
        "no admission": "no_admission",
    }
    if text not in kinds:
        raise ValueError(f"unknown requirement: {text!r}")
    return kinds[text], None


def requirement_rows(path=DATASET_PATH, source_date=DATASET_DATE):
    """The dataset as rows for TravelRequirement (dicts), with the group's lead times and notes;
    pairs with a code the portal's country list does not know are left out.
    Raises ValueError (with the line) for a file that is not the dataset's tidy ISO-2 CSV."""
    rows = []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["Passport", "Destination", "Requirement"]:
            raise ValueError("the header must be Passport,Destination,Requirement")
        for line, record in enumerate(reader, start=2):
            passport, destination = (record["Passport"] or "").strip(), (record["Destination"] or "").strip()
            if len(passport) != 2 or len(destination) != 2:
                raise ValueError(f"line {line}: passport and destination are ISO-3166 alpha-2 codes")
            try:
                requirement_from_text(record["Requirement"] or "")
            except ValueError as error:
                raise ValueError(f"line {line}: {error}") from error
            if passport not in countries or destination not in countries:
                continue  # a code the portal's country list lacks (XK, Kosovo): left out
            kind, days = requirement_from_text(record["Requirement"])
            lead = DEFAULT_LEAD_DAYS[kind]
            notes = ""
            if kind in ("visa_required", "e_visa", "eta") and destination in SCHENGEN:
                lead, notes = 56, SCHENGEN_NOTE
            rule = DESTINATION_RULES.get(destination)
            if rule and kind in ("visa_required", "e_visa", "eta"):
                _kind, lead, notes = rule
            pair = PAIR_RULES.get((passport, destination))
            if pair:
                kind, lead, notes = pair
                days = None
            rows.append(
                {
                    "passport": passport,
                    "destination": destination,
                    "kind": kind,
                    "visa_free_days": days,
                    "lead_time_days": lead,
                    "notes": notes,
                    "source": DATASET_SOURCE,
                    "source_date": source_date,
                }
            )
    return rows
