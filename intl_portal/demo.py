"""Demo data from the group's 2025-26 plan (shared/plan-2025-26.md).

Every value here is one the plan gives; where it gives none the field stays empty.
`load_demo()` is idempotent: each row is found by its natural key and updated.
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from budget.models import Budget
from events import services as event_services
from events.models import ActionItem, Contact, Deadline, Event, Goal, Idea, Participation, Tag
from members.groups import COORDINATORS
from members.models import Member, PointRule, StockLocation, SwagItem, SwagVariant

WG = Member.Group.WORKING_GROUP
ADV = Member.Group.ADVISORY
PARTNER = Member.Group.PARTNER

# display name, Chinese name, English name, group, affiliation, Feishu open ID
PEOPLE = [
    ("江波", "江波", "Jiang Bo", WG, "", ""),
    ("Richard", "", "Richard", WG, "", ""),
    ("许银", "许银", "Xu Yin", WG, "", ""),
    ("Emily", "", "Emily", WG, "", "ou_0b38f4e7d22222f7169587cf176de35c"),
    ("Ted", "", "Ted", WG, "", ""),
    ("李小明", "李小明", "Li Xiaoming", WG, "", ""),
    ("圣佑", "圣佑", "Shengyou", WG, "", ""),
    ("庄表伟", "庄表伟", "Zhuang Biaowei", WG, "", ""),
    ("刘敏", "刘敏", "Liu Min", WG, "", ""),
    ("梁尧", "梁尧", "Liang Yao", WG, "", ""),
    ("Corrie", "", "Corrie", WG, "", ""),
    ("边思康", "边思康", "Bian Sikang", ADV, "蚂蚁 (Ant Group)", ""),
    ("Anni Lai", "", "Anni Lai", ADV, "Futurewei", ""),
    ("周明辉", "周明辉", "Zhou Minghui", ADV, "", ""),
    ("王钦", "王钦", "Wang Qin", ADV, "", ""),
    ("姜宁", "姜宁", "Jiang Ning", ADV, "个人 (individual)", ""),
    ("Robert", "", "Robert", ADV, "", ""),
    ("谭中意", "谭中意", "Tan Zhongyi", PARTNER, "", ""),
    ("Dean", "", "Dean", PARTNER, "", ""),
]

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

P = Participation.Role
PS = Participation.Status
# event, member, role, status
PARTICIPATIONS = [
    ("FOSDEM 2025", "江波", P.ATTENDEE, PS.ATTENDED),
    ("FOSDEM 2025", "Richard", P.ATTENDEE, PS.ATTENDED),
    ("State of Open Con 2025", "江波", P.ATTENDEE, PS.ATTENDED),
    ("State of Open Con 2025", "Richard", P.ATTENDEE, PS.ATTENDED),
    ("State of Open Con 2025", "边思康", P.ATTENDEE, PS.ATTENDED),
    ("FOSSASIA 2025 Summit", "江波", P.ATTENDEE, PS.ATTENDED),
    ("FOSSASIA 2025 Summit", "Richard", P.ATTENDEE, PS.ATTENDED),
    ("FOSSASIA 2025 Summit", "许银", P.ATTENDEE, PS.ATTENDED),
    ("The Global Sovereign AI Opportunity Webinar: APAC Edition", "Emily", P.ATTENDEE, PS.ATTENDED),
    ("The Global Sovereign AI Opportunity Webinar: APAC Edition", "Richard", P.ATTENDEE, PS.ATTENDED),
    ("The Global Sovereign AI Opportunity Webinar: APAC Edition", "边思康", P.ATTENDEE, PS.ATTENDED),
    ("The Global Sovereign AI Opportunity Webinar: APAC Edition", "Anni Lai", P.ATTENDEE, PS.ATTENDED),
    ("The Global Sovereign AI Opportunity Webinar: APAC Edition", "周明辉", P.ATTENDEE, PS.ATTENDED),
    ("The Global Sovereign AI Opportunity Webinar: APAC Edition", "王钦", P.ATTENDEE, PS.ATTENDED),
    ("Community Over Code Asia 2025", "Ted", P.SPEAKER, PS.CONFIRMED),
    ("Community Over Code Asia 2025", "Richard", P.HOST, PS.CONFIRMED),
    ("Community Over Code Asia 2025", "李小明", P.BOOTH_STAFF, PS.CONFIRMED),
    ("Community Over Code Asia 2025", "江波", P.ATTENDEE, PS.PROPOSED),
    ("Community Over Code Asia 2025", "许银", P.ATTENDEE, PS.PROPOSED),
    ("Community Over Code Asia 2025", "姜宁", P.ATTENDEE, PS.PROPOSED),
    ("Community Over Code Asia 2025", "边思康", P.ATTENDEE, PS.PROPOSED),
    ("COSCUP 2025", "Richard", P.SPEAKER, PS.PROPOSED),
    ("COSCUP 2025", "许银", P.SPEAKER, PS.TENTATIVE),
    ("COSCUP 2025", "Ted", P.SPEAKER, PS.TENTATIVE),
    ("COSCUP 2025", "Robert", P.SPEAKER, PS.TENTATIVE),
    ("COSCUP 2025", "圣佑", P.ATTENDEE, PS.TENTATIVE),
    ("COSCUP 2025", "Ted", P.LIAISON, PS.PROPOSED),
    ("GOSIM Hangzhou 2025", "Emily", P.LIAISON, PS.PROPOSED),
    ("GOSIM Hangzhou 2025", "Anni Lai", P.LIAISON, PS.PROPOSED),
    ("China–Saudi Open Source Conference 2025", "谭中意", P.LIAISON, PS.PROPOSED),
    ("China–Saudi Open Source Conference 2025", "Dean", P.LIAISON, PS.PROPOSED),
    ("China–Saudi Open Source Conference 2025", "Richard", P.LIAISON, PS.PROPOSED),
]

G = Goal.Kind
GS = Goal.Status
# event, kind, status, owner, details
GOALS = [
    ("Community Over Code Asia 2025", G.TALK, GS.SECURED, "Ted", "中国开源年度报告"),
    ("Community Over Code Asia 2025", G.HOST, GS.SECURED, "Richard", "闪电讲主持人"),
    ("Community Over Code Asia 2025", G.BOOTH, GS.SECURED, "李小明", ""),
    ("Community Over Code Asia 2025", G.INTERVIEW, GS.WANTED, None, "下来跟 Ted / 江波确认"),
    ("Community Over Code Asia 2025", G.COVERAGE, GS.WANTED, None, "下来跟 Ted / 江波确认"),
    (
        "Community Over Code Asia 2025",
        G.NETWORKING,
        GS.WANTED,
        None,
        "Apache 安全的董事；FreeCodeCamp Quency；印度的小姐姐 Chaos",
    ),
    ("COSCUP 2025", G.TALK, GS.WANTED, "许银", "跨境合作轨：许银、Ted、Robert（待确认）"),
    ("COSCUP 2025", G.TALK, GS.WANTED, "Richard", "主论坛：开源+AI"),
    ("COSCUP 2025", G.BOOTH, GS.WANTED, "Ted", "谈 ALC 台北（蔡嘉平）& 开源社的共享展位"),
    ("COSCUP 2025", G.BOF, GS.WANTED, None, "两岸开源人 BoF"),
    ("COSCUP 2025", G.INTERVIEW, GS.WANTED, None, ""),
    ("COSCUP 2025", G.COVERAGE, GS.WANTED, None, ""),
    ("COSCUP 2025", G.NETWORKING, GS.WANTED, None, ""),
    ("GOSIM Hangzhou 2025", G.TALK, GS.WANTED, None, "投"),
    ("GOSIM Hangzhou 2025", G.KEYNOTE, GS.WANTED, "Emily", "看看 GOSIM 的 Keynote 我们能否拿下？"),
    ("GOSIM Hangzhou 2025", G.BOOTH, GS.WANTED, None, "有？"),
]

AS = ActionItem.Status
# title, owner, event, status, details
ACTION_ITEMS = [
    (
        "顾问委员会关于“主权AI”这个话题线下讨论的观点汇总，并发布成文",
        "Emily",
        "The Global Sovereign AI Opportunity Webinar: APAC Edition",
        AS.OPEN,
        "",
    ),
    (
        "确认 COSCUP 议题（尽早）",
        "李小明",
        "COSCUP 2025",
        AS.OPEN,
        "我们的议题尽早现在确认；请小明帮忙确认。",
    ),
    ("与 Anni 详谈 GOSIM 合作", "Emily", "GOSIM Hangzhou 2025", AS.OPEN, "演讲：投；展位：有？"),
    ("对接谭中意、Dean，了解内容策划", "Richard", "China–Saudi Open Source Conference 2025", AS.OPEN, ""),
    ("确认国际接轨（推广）大使计划（草案）方案", None, None, AS.OPEN, ""),
    ("确认预算并上报执委会/理事会审批（共计人民币 88000，10 人次）", None, None, AS.OPEN, ""),
    ("现在就规划 2026 年上半年的国际活动（以免换届来不及处理）", None, None, AS.OPEN, ""),
    ("参考 LF APAC 译道师计划，给予译道师荣誉/物质激励（申请纪念品，如 T-shirt）", None, None, AS.OPEN, ""),
    (
        "礼品从 Corrie 处转移到空的仓库（今年 COSCon 之前处理完毕）",
        None,
        None,
        AS.OPEN,
        "礼品存在 Corrie 手上（有周边申请表可以邮寄），也有库存表（在飞书表格）。",
    ),
    ("联合国开源原则支持", "Ted", None, AS.OPEN, ""),
    ("预先制作规范性的素材模板来介绍开源社（网站或公共网盘）", None, None, AS.OPEN, "品牌媒体组承接。"),
]

IK = Idea.Kind
# title, proposer, children [(title, proposer, children)]
IDEAS = [
    (
        "开源社和中国开源重要内容的国际化传播",
        "Richard",
        [
            ("推出《2024 中国开源年度报告》英文版，并在全球范围内发布与宣传", "Ted", []),
            ("建立精选中英文内容平行发布机制，鼓励双语文章在 LinkedIn 等社媒平台同步上线", "Richard", []),
        ],
    ),
    (
        "海外社交媒体：高频多次",
        "Emily",
        [
            ("投入 LinkedIn、X、Facebook 等海外社媒", "Richard", []),
            ("与媒体组协作，组织内容志愿者小组，撰写、翻译、发布相关资讯、观点、活动动态", "Richard", []),
        ],
    ),
    (
        "海外大会：聚焦几个重要的大会，拿到展台 + 演讲席位",
        "Emily",
        [
            ("Open Source Congress 的持续参与与发声", "Ted", []),
            ("重要国际开源会议的参与，如 COSCUP，Community over Code Asia 等", "Ted", []),
            ("GOSIM", "Anni Lai", []),
            (
                "重点争取：演讲 / 展位 / 采访 / 报道 / 建联",
                None,
                [
                    ("采访应该是双语的；访纲代表我们的兴趣点；可以问他的见解；建立长期联系", "庄表伟", []),
                ],
            ),
            ("明确每场会议的目标与角色分工，提前准备素材与内容", "Richard", []),
        ],
    ),
    (
        "结合赞助商与顾问委员资源推动中国项目出海",
        None,
        [
            ("openKylin 操作系统开源社区出海，结合国际接轨组，复用相关资源", "刘敏", []),
            (
                "商汤 + 沙特分公司，谭中意要开双十一的大会，可以对接聊机会",
                "Emily",
                [
                    ("商汤国际总裁 George Huang，Ted 有关系", None, []),
                ],
            ),
        ],
    ),
    ("应该以终为始：先确认一定参加的大会；静态输出（如中国开源年报、采访）", "Ted", []),
]
OPEN_TOPICS = [
    (
        "UNESCO“OS10计划”中国开放科学平台：看看开源社可以怎么结合进去",
        "梁尧",
        "推动国家资助科研项目成果开源开放的国际经验借鉴及思考",
    ),
]

# name, organisation, position, owner, events, notes
CONTACTS = [
    (
        "Quency",
        "FreeCodeCamp",
        "",
        None,
        ["Community Over Code Asia 2025"],
        "会来 Community Over Code Asia。",
    ),
    (
        "Chaos",
        "",
        "",
        None,
        ["Community Over Code Asia 2025"],
        "印度的小姐姐，会来 Community Over Code Asia。",
    ),
    (
        "(Apache 安全的董事)",
        "Apache Software Foundation",
        "Director (security)",
        None,
        ["Community Over Code Asia 2025"],
        "",
    ),
    ("蔡嘉平", "ALC 台北", "", "Ted", ["COSCUP 2025"], "共享展位。"),
    ("George Huang", "商汤 (SenseTime)", "国际总裁", "Ted", [], "Ted 有关系；商汤沙特分公司。"),
]

POINT_RULES = {
    "translated_article": 10,
    "original_article": 15,
    "talk_translation": 8,
    "social_post": 2,
    "interview": 12,
    "event_support": 5,
}

DEMO_PASSWORDS = {"coordinator": "demo-coordinator", "member": "demo-member"}


def _date(value):
    return dt.date(*value) if value else None


def _load_people():
    members = {}
    for display, name_zh, name_en, group, affiliation, open_id in PEOPLE:
        defaults = {
            "name_zh": name_zh,
            "name_en": name_en,
            "group": group,
            "affiliation": affiliation,
            "feishu_open_id": open_id,
        }
        member, _ = Member.objects.update_or_create(display_name=display, defaults=defaults)
        if settings.DEMO_MODE and not member.email:
            # Demo mode only: an address so reminders for the demo's deadlines show on the console.
            member.email = f"{(name_en or display).lower().replace(' ', '.')}@example.org"
            member.save(update_fields=["email"])
        members[display] = member
    return members


def _load_events():
    tags = {}
    for slug, name_en, name_zh in TAGS:
        tags[slug], _ = Tag.objects.update_or_create(
            slug=slug, defaults={"name_en": name_en, "name_zh": name_zh}
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
        event, _ = Event.objects.update_or_create(
            name=name,
            defaults={
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
                "status": status,
                "priority": priority,
                **extra,
            },
        )
        event.tags.set([tags[slug] for slug in tag_slugs])
        events[name] = event
    for first, second in ALTERNATIVES:
        events[first].alternatives.add(events[second])
    for event_name, kind, local, zone, date_only, url in DEADLINES:
        event = events[event_name]
        existing = Deadline.objects.filter(event=event, kind=kind).first()
        event_services.deadline_set(
            event=event, kind=kind, local=local, zone=zone, date_only=date_only, deadline=existing, url=url
        )
    return events


def _load_work(events, members):
    for event_name, member_name, role, status in PARTICIPATIONS:
        Participation.objects.update_or_create(
            event=events[event_name], member=members[member_name], role=role, defaults={"status": status}
        )
    for event_name, kind, status, owner, details in GOALS:
        Goal.objects.update_or_create(
            event=events[event_name],
            kind=kind,
            details=details,
            defaults={"status": status, "owner": members.get(owner)},
        )
    for title, owner, event_name, status, details in ACTION_ITEMS:
        ActionItem.objects.update_or_create(
            title=title,
            defaults={
                "owner": members.get(owner),
                "event": events.get(event_name),
                "status": status,
                "details": details,
            },
        )

    def add_ideas(items, parent):
        for title, proposer, children in items:
            idea, _ = Idea.objects.update_or_create(
                title=title,
                defaults={"kind": IK.IDEA, "proposer": members.get(proposer), "parent": parent},
            )
            add_ideas(children, idea)

    add_ideas(IDEAS, None)
    for title, proposer, description in OPEN_TOPICS:
        Idea.objects.update_or_create(
            title=title,
            defaults={"kind": IK.OPEN_TOPIC, "proposer": members[proposer], "description": description},
        )
    for name, organization, position, owner, event_names, notes in CONTACTS:
        contact, _ = Contact.objects.update_or_create(
            name=name,
            defaults={
                "organization": organization,
                "position": position,
                "owner": members.get(owner),
                "notes": notes,
            },
        )
        contact.events.set([events[event_name] for event_name in event_names])


def _load_budget():
    # get_or_create: a second run must not add a history entry, nor undo a coordinator's edits.
    Budget.objects.get_or_create(
        title="2025 国际接轨组预算",
        defaults={
            "period_start": dt.date(2025, 1, 1),
            "period_end": dt.date(2025, 12, 31),
            "currency": "CNY",
            "total": Decimal("88000.00"),
            "planned_person_trips": 10,
            "approval_body": Budget.ApprovalBody.EXECUTIVE_COMMITTEE_AND_COUNCIL,
            "notes": "共计人民币 88000（10 人次），按此上报执委会/理事会审批。",
        },
    )


def _load_program(members):
    for kind, points in POINT_RULES.items():
        PointRule.objects.get_or_create(kind=kind, defaults={"points": points})
    StockLocation.objects.update_or_create(
        name="Corrie 的房间",
        defaults={"holder": members["Corrie"], "address": ""},
    )
    shirt, _ = SwagItem.objects.update_or_create(
        name_en="T-shirt", defaults={"name_zh": "T 恤", "description": "译道师 / 大使的纪念品"}
    )
    for size in ("S", "M", "L", "XL"):
        SwagVariant.objects.get_or_create(item=shirt, label=size)


def _load_accounts(members):
    """Demo log-ins: a coordinator (Emily) and a member (Richard). Demo mode only."""
    user_model = get_user_model()
    accounts = {}
    for username, member_name, staff in (("coordinator", "Emily", True), ("member", "Richard", False)):
        user, _ = user_model.objects.get_or_create(username=username)
        user.is_staff = staff
        user.email = members[member_name].email
        user.set_password(DEMO_PASSWORDS[username])
        user.save()
        if staff:
            user.groups.add(Group.objects.get(name=COORDINATORS))
        member = members[member_name]
        if member.user_id != user.pk:
            member.user = user
            member.save(update_fields=["user"])
        accounts[username] = DEMO_PASSWORDS[username]
    return accounts


@transaction.atomic
def load_demo(*, with_accounts):
    """Load (or refresh) the plan's data; returns the demo accounts created, if any."""
    members = _load_people()
    events = _load_events()
    _load_work(events, members)
    _load_budget()
    _load_program(members)
    return _load_accounts(members) if with_accounts else {}
