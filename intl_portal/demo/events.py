"""The plan's events: tags, the events with their alternatives, and their deadlines
(deadline_set resolves each announced local time to its instant)."""

import datetime as dt

from events import services as event_services
from events.models import Deadline, Event, Tag
from members.permissions import OPERATOR

TAGS = [
    ("linux-foundation", "Linux Foundation", "Linux 基金会"),
    ("apache", "Apache", "Apache"),
    ("ai", "AI", "人工智能"),
    ("web3", "Web3", "Web3"),
]

S = Event.Status
K = Event.Kind

# name, series, year, organizer, kind, format, start, end, zone, city, country, status,
# priority, tags, extra fields
EVENTS = [
    (
        "FOSDEM 2025",
        "FOSDEM",
        2025,
        "",
        K.CONFERENCE,
        "in_person",
        (2025, 2, 1),
        (2025, 2, 2),
        "Europe/Brussels",
        "",
        "BE",
        S.ATTENDED,
        2,
        [],
        {},
    ),
    (
        "State of Open Con 2025",
        "State of Open Con",
        2025,
        "OpenUK",
        K.CONFERENCE,
        "in_person",
        (2025, 2, 4),
        (2025, 2, 5),
        "Europe/London",
        "London",
        "GB",
        S.ATTENDED,
        2,
        [],
        {},
    ),
    (
        "FOSSASIA 2025 Summit",
        "FOSSASIA Summit",
        2025,
        "",
        K.SUMMIT,
        "in_person",
        (2025, 3, 13),
        (2025, 3, 15),
        "Asia/Bangkok",
        "Bangkok",
        "TH",
        S.ATTENDED,
        2,
        [],
        {},
    ),
    (
        "The Global Sovereign AI Opportunity Webinar: APAC Edition",
        "",
        2025,
        "LF AI & Data",
        K.WEBINAR,
        "online",
        (2025, 4, 24),
        (2025, 4, 24),
        "",
        "",
        "",
        S.ATTENDED,
        2,
        ["linux-foundation", "ai"],
        {
            "website_url": "https://www.linkedin.com/events/7300940848228102144/",
            "description": "YouTube: https://www.youtube.com/live/HOTwRNYHEAA?si=h7cpJ-xygH5Vaawg",
        },
    ),
    (
        "Community Over Code Asia 2025",
        "Community Over Code Asia",
        2025,
        "Apache Software Foundation",
        K.CONFERENCE,
        "in_person",
        (2025, 7, 25),
        (2025, 7, 27),
        "Asia/Shanghai",
        "Beijing",
        "CN",
        S.CONFIRMED,
        1,
        ["apache"],
        {
            "notes": "采访 / 报道 / 建联：下来跟 Ted / 江波确认。Apache 安全的董事；FreeCodeCamp Quency 会来；"
            "印度的小姐姐 Chaos 会来。"
        },
    ),
    (
        "COSCUP 2025",
        "COSCUP",
        2025,
        "",
        K.CONFERENCE,
        "in_person",
        (2025, 8, 9),
        (2025, 8, 10),
        "Asia/Taipei",
        "Taipei",
        "TW",
        S.PLANNED,
        1,
        [],
        {
            "notes": "跨境合作轨：许银、Ted、Robert（待确认）；主论坛：Richard（开源+AI）。\n"
            "展位：Ted 谈 ALC 台北（蔡嘉平）& 开源社的共享展位；庄表伟：贴海报/易拉宝，有设计感，"
            "能被人拍照？圣佑：可以调动志愿者帮忙？展位做怎么样的活动？\n"
            "两岸开源人 BoF（但能去的大陆开源人非常有限）。"
        },
    ),
    (
        "GOSIM Hangzhou 2025",
        "GOSIM",
        2025,
        "",
        K.CONFERENCE,
        "in_person",
        (2025, 9, 13),
        (2025, 9, 14),
        "Asia/Shanghai",
        "Hangzhou",
        "CN",
        S.CONSIDERING,
        1,
        ["ai"],
        {
            "cfp_url": "https://cfp.gosim.org",
            "notes": "Anni 有跟开源社联系，第一届就在中国办理（与 KubeCon 联动），成都的 COSCon 有 GOSIM 的展位；"
            "GOSIM 有充足预算，CSDN 承办。许银：GOSIM 与 RustCon 拟合办。请 Emily 与 Anni 详谈。",
        },
    ),
    (
        "All Things Open 2025",
        "All Things Open",
        2025,
        "",
        K.CONFERENCE,
        "in_person",
        (2025, 10, 12),
        (2025, 10, 14),
        "America/New_York",
        "Raleigh, NC",
        "US",
        S.DECLINED,
        3,
        [],
        {"decision_notes": "看不出 CFP 是否已经过期。结论：不参加。"},
    ),
    (
        "Open Source Summit Korea 2025",
        "Open Source Summit Korea",
        2025,
        "Linux Foundation",
        K.SUMMIT,
        "in_person",
        (2025, 11, 4),
        (2025, 11, 5),
        "Asia/Seoul",
        "Seoul",
        "KR",
        S.CONSIDERING,
        3,
        ["linux-foundation"],
        {"decision_notes": "二选一的话，就选日本的。"},
    ),
    (
        "China–Saudi Open Source Conference 2025",
        "",
        2025,
        "",
        K.CONFERENCE,
        "in_person",
        (2025, 11, 11),
        (2025, 11, 11),
        "",
        "",
        "",
        S.CONSIDERING,
        2,
        [],
        {"description": "中沙开源会议", "notes": "对接：谭中意、Dean；了解内容策划（Richard）。"},
    ),
    (
        "Open Source Summit Japan 2025",
        "Open Source Summit Japan",
        2025,
        "Linux Foundation",
        K.SUMMIT,
        "in_person",
        (2025, 12, 8),
        (2025, 12, 10),
        "Asia/Tokyo",
        "Tokyo",
        "JP",
        S.PLANNED,
        1,
        ["linux-foundation"],
        {"decision_notes": "与 Open Source Summit Korea 二选一：选日本。"},
    ),
    (
        "Open Source Congress 2025",
        "Open Source Congress",
        2025,
        "",
        K.CONFERENCE,
        "in_person",
        None,
        None,
        "",
        "",
        "",
        S.CONSIDERING,
        1,
        [],
        {"notes": "今年还不确定日期和举办与否；开源社还是需要参加。"},
    ),
    (
        "EthCC 2025",
        "EthCC",
        2025,
        "",
        K.CONFERENCE,
        "in_person",
        None,
        None,
        "Europe/Paris",
        "Cannes",
        "FR",
        S.IDEA,
        3,
        ["web3"],
        {"notes": "6 月底，法国戛纳。"},
    ),
    (
        "Malaysia Blockchain Week 2025",
        "",
        2025,
        "",
        K.CONFERENCE,
        "in_person",
        (2025, 7, 21),
        (2025, 7, 22),
        "Asia/Kuala_Lumpur",
        "",
        "MY",
        S.IDEA,
        3,
        ["web3"],
        {"notes": "规模不大但可能有点意思（华人/开发者在那里）。"},
    ),
    (
        "Devconnect 2025",
        "Devconnect",
        2025,
        "",
        K.CONFERENCE,
        "in_person",
        None,
        None,
        "",
        "",
        "",
        S.IDEA,
        3,
        ["web3"],
        {"notes": "11 月，南美。"},
    ),
]

ALTERNATIVES = [("Open Source Summit Korea 2025", "Open Source Summit Japan 2025")]

D = Deadline.Kind
# event, kind, local date or datetime, zone, date only
DEADLINES = [
    (
        "GOSIM Hangzhou 2025",
        D.CFP_CLOSE,
        dt.date(2025, 7, 14),
        "Asia/Shanghai",
        True,
        "https://cfp.gosim.org",
    ),
    ("Open Source Summit Korea 2025", D.CFP_CLOSE, dt.datetime(2025, 6, 30, 15, 59), "Asia/Seoul", False, ""),
    ("Open Source Summit Japan 2025", D.CFP_CLOSE, dt.datetime(2025, 8, 4, 15, 59), "Asia/Tokyo", False, ""),
]


def _date(value):
    return dt.date(*value) if value else None


def _upsert(existing, create, update):
    """Create a row through its service, or change the one the demo made before."""
    return create() if existing is None else update(existing)


def load_events():
    """Tags, events, alternatives and deadlines; returns {event name: Event}."""
    tags = {}
    for slug, name_en, name_zh in TAGS:
        names = {"name_en": name_en, "name_zh": name_zh}
        tags[slug] = _upsert(
            Tag.objects.filter(slug=slug).first(),
            lambda slug=slug, names=names: event_services.tag_create(user=OPERATOR, slug=slug, **names),
            lambda tag, names=names: event_services.tag_update(user=OPERATOR, tag=tag, **names),
        )
    events = {}
    for (
        name,
        series,
        year,
        organizer,
        kind,
        fmt,
        start,
        end,
        zone,
        city,
        country,
        status,
        priority,
        tag_slugs,
        extra,
    ) in EVENTS:
        fields = {
            "series": series,
            "edition_year": year,
            "organizer": organizer,
            "kind": kind,
            "format": fmt,
            "start_date": _date(start),
            "end_date": _date(end),
            "timezone": zone,
            "city": city,
            "country": country,
            "priority": priority,
            "status": status,
            **extra,
        }
        event_tags = [tags[slug] for slug in tag_slugs]
        events[name] = _upsert(
            Event.objects.filter(name=name).first(),
            lambda name=name, fields=fields, event_tags=event_tags: event_services.event_create(
                user=OPERATOR, name=name, tags=event_tags, **fields
            ),
            lambda event, fields=fields, event_tags=event_tags: event_services.event_update(
                user=OPERATOR, event=event, tags=event_tags, **fields
            ),
        )
    alternatives = {}
    for first, second in ALTERNATIVES:
        alternatives.setdefault(first, set(events[first].alternatives.all())).add(events[second])
    for name, chosen in alternatives.items():
        event_services.event_update(
            user=OPERATOR, event=events[name], alternatives=sorted(chosen, key=lambda e: e.pk)
        )
    for event_name, kind, local, zone, date_only, url in DEADLINES:
        event = events[event_name]
        existing = Deadline.objects.filter(event=event, kind=kind).first()
        event_services.deadline_set(
            user=OPERATOR,
            event=event,
            kind=kind,
            local=local,
            zone=zone,
            date_only=date_only,
            deadline=existing,
            url=url,
        )
    return events
