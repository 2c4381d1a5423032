"""A country's region, for the review's map-free list of events (ISO 3166 codes)."""

from django.utils.translation import gettext_lazy as _

REGIONS = {
    "asia": (
        _("Asia"),
        "AE AF AM AZ BD BH BN BT CN GE HK ID IL IN IQ IR JO JP KG KH KR KW KZ LA LB LK MM MN MO MV MY "
        "NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE",
    ),
    "europe": (
        _("Europe"),
        "AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MD ME MK "
        "MT NL NO PL PT RO RS RU SE SI SK SM UA VA",
    ),
    "north_america": (_("North America"), "US CA MX GT CU DO HN NI CR PA SV JM HT BS"),
    "south_america": (_("South America"), "AR BO BR CL CO EC GY PE PY SR UY VE"),
    "africa": (
        _("Africa"),
        "DZ AO BJ BW BF BI CM CV CF TD KM CD CG CI DJ EG GQ ER ET GA GM GH GN GW KE LS LR LY MG MW ML "
        "MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD SZ TZ TG TN UG ZM ZW",
    ),
    "oceania": (_("Oceania"), "AU NZ FJ PG WS TO VU SB"),
}
ONLINE = "online"
UNKNOWN = "unknown"
REGION_ORDER = [*REGIONS, ONLINE, UNKNOWN]
_BY_COUNTRY = {code: key for key, (_label, codes) in REGIONS.items() for code in codes.split()}


def region_of(event):
    """The region key of an event: its country's continent, "online" for an online event."""
    if event.format == "online":
        return ONLINE
    return _BY_COUNTRY.get(str(event.country or ""), UNKNOWN)


def region_label(key):
    if key == ONLINE:
        return _("Online")
    if key == UNKNOWN:
        return _("Place not known")
    return REGIONS[key][0]
