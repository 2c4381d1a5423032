"""The group's work around the events: who goes in which role, the goals, the action items,
the ideas and open topics, and the contacts."""

from events import services as event_services
from events.models import ActionItem, Contact, Goal, Idea, Participation
from members.permissions import OPERATOR

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


def load_participations(events, members):
    for event_name, member_name, role, status in PARTICIPATIONS:
        event, member = events[event_name], members[member_name]
        participation = Participation.objects.filter(event=event, member=member, role=role).first()
        if participation is None:
            event_services.participation_create(
                user=OPERATOR, event=event, member=member, role=role, status=status
            )
        elif participation.status != status:
            event_services.participation_set_status(user=OPERATOR, participation=participation, status=status)


def load_goals(events, members):
    for event_name, kind, status, owner, details in GOALS:
        event = events[event_name]
        fields = {"status": status, "owner": members.get(owner)}
        goal = Goal.objects.filter(event=event, kind=kind, details=details).first()
        if goal is None:
            event_services.goal_create(user=OPERATOR, event=event, kind=kind, details=details, **fields)
        else:
            event_services.goal_update(user=OPERATOR, goal=goal, **fields)


def load_action_items(events, members):
    for title, owner, event_name, status, details in ACTION_ITEMS:
        fields = {
            "owner": members.get(owner),
            "event": events.get(event_name),
            "status": status,
            "details": details,
        }
        item = ActionItem.objects.filter(title=title).first()
        if item is None:
            event_services.action_item_create(user=OPERATOR, title=title, **fields)
        else:
            event_services.action_item_update(user=OPERATOR, action_item=item, **fields)


def _idea_set(title, **fields):
    idea = Idea.objects.filter(title=title).first()
    if idea is None:
        return event_services.idea_propose(user=OPERATOR, title=title, **fields)
    return event_services.idea_update(user=OPERATOR, idea=idea, **fields)


def load_ideas(members):
    def add_ideas(items, parent):
        for title, proposer, children in items:
            idea = _idea_set(title, kind=IK.IDEA, proposer=members.get(proposer), parent=parent)
            add_ideas(children, idea)

    add_ideas(IDEAS, None)
    for title, proposer, description in OPEN_TOPICS:
        _idea_set(title, kind=IK.OPEN_TOPIC, proposer=members[proposer], description=description)


def load_contacts(events, members):
    for name, organization, position, owner, event_names, notes in CONTACTS:
        fields = {
            "organization": organization,
            "position": position,
            "owner": members.get(owner),
            "notes": notes,
            "events": [events[event_name] for event_name in event_names],
        }
        contact = Contact.objects.filter(name=name).first()
        if contact is None:
            event_services.contact_create(user=OPERATOR, name=name, **fields)
        else:
            event_services.contact_update(user=OPERATOR, contact=contact, **fields)


def load_work(events, members):
    load_participations(events, members)
    load_goals(events, members)
    load_action_items(events, members)
    load_ideas(members)
    load_contacts(events, members)
