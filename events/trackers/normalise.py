"""What trackers publish, made exact: deadlines as UTC instants with the rule used stated,
countries as ISO codes, a region for each, and the keys that merge one conference listed
by several sources."""

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
import zoneinfo
from urllib.parse import urlsplit

from django_countries import countries

from intl_portal.common.timezones import AOE, available_zones

DATE_ONLY_TIME = dt.time(23, 59)


class RecordError(ValueError):
    """A record (or a field of it) that cannot be read; the message is the reason."""


@dataclasses.dataclass(frozen=True)
class RecordDeadline:
    kind: str
    due_at: dt.datetime
    timezone: str
    is_date_only: bool
    rule: str


@dataclasses.dataclass
class Record:
    external_id: str
    name: str
    url: str = ""
    cfp_url: str = ""
    city: str = ""
    country: str = ""
    online: bool = False
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    topics: tuple = ()
    series: str = ""
    year: int | None = None
    deadlines: list = dataclasses.field(default_factory=list)

    @property
    def region(self):
        return region_of(self.country, self.online)


# --- instants -------------------------------------------------------------------------------


def parse_date(value, field):
    """A date from 'YYYY-MM-DD' (or a YAML date); RecordError naming the field otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise RecordError(f"{field}: expected a date, got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise RecordError(f"{field}: “{value[:40]}” is not a valid date") from None


def date_only_aoe(day, *, source_text):
    """A date announced without time or zone: 23:59 Anywhere on Earth."""
    local = dt.datetime.combine(day, DATE_ONLY_TIME, tzinfo=zoneinfo.ZoneInfo(AOE))
    rule = f"{source_text}: {day.isoformat()}, date only; announced zone unknown → 23:59 AoE"
    return local.astimezone(dt.UTC), AOE, rule


def local_in_zone(local, zone_name, *, source_text):
    """A local date-time in an IANA zone (absent → AoE)."""
    if not zone_name:
        zone, label = AOE, "no zone given → AoE"
    else:
        zone = str(zone_name).strip()
        if zone.upper() == "AOE":
            zone = AOE
        if zone not in available_zones():
            raise RecordError(f"timezone: “{str(zone_name)[:60]}” is not a known IANA zone")
        label = "AoE" if zone == AOE else zone
    instant = local.replace(tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(dt.UTC)
    rule = f"{source_text}: {local:%Y-%m-%d %H:%M} {label}"
    return instant, zone, rule


def deadline(kind, instant_zone_rule, *, date_only):
    instant, zone, rule = instant_zone_rule
    if not dt.datetime(1990, 1, 1, tzinfo=dt.UTC) <= instant <= dt.datetime(2100, 1, 1, tzinfo=dt.UTC):
        raise RecordError(f"{kind}: {instant:%Y-%m-%d} is out of range")
    return RecordDeadline(kind=kind, due_at=instant, timezone=zone, is_date_only=date_only, rule=rule[:300])


# --- countries and regions ------------------------------------------------------------------

_ALIASES = {
    "usa": "US", "u.s.a.": "US", "u.s.a": "US", "us": "US", "united states": "US",
    "united states of america": "US", "uk": "GB", "u.k.": "GB", "united kingdom": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "great britain": "GB",
    "south korea": "KR", "korea": "KR", "republic of korea": "KR", "russia": "RU", "vietnam": "VN",
    "viet nam": "VN", "taiwan": "TW", "hong kong": "HK", "czech republic": "CZ", "czechia": "CZ",
    "the netherlands": "NL", "netherlands": "NL", "holland": "NL", "uae": "AE",
    "united arab emirates": "AE", "turkey": "TR", "türkiye": "TR", "iran": "IR", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "macedonia": "MK", "north macedonia": "MK",
    "laos": "LA", "syria": "SY", "palestine": "PS", "ivory coast": "CI", "côte d'ivoire": "CI",
    "cape verde": "CV", "drc": "CD", "dr congo": "CD", "brasil": "BR", "deutschland": "DE",
    "españa": "ES", "suisse": "CH", "schweiz": "CH", "belgique": "BE", "italia": "IT", "méxico": "MX",
    "mainland china": "CN", "prc": "CN", "china": "CN",
}  # fmt: skip

_REGION_CODES = {
    "asia": "AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO "
    "MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE",
    "europe": "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT "
    "LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA XK",
    "americas": "AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GT GY HN "
    "HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI",
    "africa": "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG "
    "ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW",
    "oceania": "AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV VU WF WS",
}
_REGION_OF = {code: region for region, codes in _REGION_CODES.items() for code in codes.split()}


@functools.lru_cache(maxsize=4096)
def country_code(name):
    """An ISO 3166 alpha-2 code for a country as trackers write it ("U.S.A.", "Germany"), or ""."""
    text = " ".join(str(name or "").split()).strip().strip(".")
    if not text or text.lower() in ("online", "remote", "virtual", "tba", "tbd", "worldwide"):
        return ""
    alias = _ALIASES.get(text.lower()) or _ALIASES.get(text.lower() + ".")
    if alias:
        return alias
    if len(text) == 2 and text.upper() in countries:
        return text.upper()
    return countries.by_name(text) or countries.by_name(text, regex=False, insensitive=True) or ""


def region_of(country, online):
    if country in _REGION_OF:
        return _REGION_OF[country]
    return "online" if online else "unknown"


def split_place(text):
    """'Vilnius, Lithuania' or 'Amsterdam (Netherlands)' → (city, country text)."""
    text = " ".join(str(text or "").split())
    match = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", text)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    if "," in text:
        city, _sep, country = text.rpartition(",")
        return city.strip(), country.strip()
    return "", text


# --- merge keys -----------------------------------------------------------------------------


def clean_url(value):
    """A usable http(s) URL from what trackers write ("sessionize.com/x", "[a](b)"), or ""."""
    text = str(value or "").strip()
    markdown = re.match(r"^\[[^\]]*\]\(([^)]*)\)$", text)
    if markdown:
        text = markdown.group(1).strip()
    if not text or text == "#" or " " in text or ("@" in text and "/" not in text):
        return ""
    if not re.match(r"^https?://", text, re.IGNORECASE):
        text = "https://" + text
    parts = urlsplit(text)
    if not parts.hostname or "." not in parts.hostname:
        return ""
    return text[:500]


def url_key(url):
    """The same site however it is written: host without www., path without trailing slash."""
    if not url:
        return ""
    parts = urlsplit(url.lower())
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"[:500]


def _fold(text):
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", text)


def match_key(name, start_date, end_date, city):
    """Same name, same dates, same city: the same conference."""
    if not start_date:
        return ""
    return f"{_fold(name)}|{start_date}|{end_date or start_date}|{_fold(city)}"[:500]


def series_of(name):
    """'PyCon Wroclaw 2026' → 'PyCon Wroclaw' (a name without its year)."""
    return re.sub(r"\s*[\'’]?\b(19|20)\d\d\b\s*", " ", str(name or "")).strip(" -–·:")[:200]


def announced_local(row):
    """A discovered deadline as announced: (local naive date-time or date, zone, date_only)."""
    local = row.due_at.astimezone(zoneinfo.ZoneInfo(row.timezone))
    if row.is_date_only:
        return local.date(), row.timezone, True
    return local.replace(tzinfo=None), row.timezone, False
