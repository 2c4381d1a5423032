"""The group's people (working group, advisory board, partners) and, in demo mode, the
demo log-ins: a coordinator, a member and an approver (the executive committee / council)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.travel.services import traveller_passport_country_set
from members.groups import APPROVERS, COORDINATORS
from members.models import Member
from members.permissions import OPERATOR
from members.services import people

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
    # The demo's approver: the plan names no one of the executive committee / council that
    # approves the budget ("上报执委会/理事会审批"), so the demo brings its own.
    ("Grace", "", "Grace", ADV, "开源社理事会 (council)", ""),
]

# username → (password, the person, staff, permission group, who they are on the console)
DEMO_ACCOUNTS = {
    "coordinator": ("demo-coordinator", "Emily", True, COORDINATORS, "a coordinator: /admin/ and /triage/"),
    "member": ("demo-member", "Richard", False, None, "a member of the working group"),
    "approver": ("demo-approver", "Grace", False, APPROVERS, "the council: approves budgets at /budget/"),
}


def load_people():
    """Every person of the plan, found by display name; returns {display name: Member}."""
    members = {}
    for display, name_zh, name_en, group, affiliation, open_id in PEOPLE:
        defaults = {
            "name_zh": name_zh,
            "name_en": name_en,
            "group": group,
            "affiliation": affiliation,
            "feishu_open_id": open_id,
        }
        member = Member.objects.filter(display_name=display).first()
        if member is None:
            member = people.member_create(user=OPERATOR, display_name=display, **defaults)
        else:
            member = people.member_update_profile(member=member, user=OPERATOR, **defaults)
        if settings.DEMO_MODE and not member.email:
            # Demo mode only: an address so reminders for the demo's deadlines show on the console.
            email = f"{(name_en or display).lower().replace(' ', '.')}@example.org"
            member = people.member_update_profile(member=member, user=OPERATOR, email=email)
        if not member.passport_country:
            # The group travels on mainland Chinese passports: the travel board's timelines.
            member = traveller_passport_country_set(user=OPERATOR, member=member, passport_country="CN")
        members[display] = member
    return members


def load_accounts(members):
    """Demo log-ins: a coordinator (Emily), a member (Richard) and an approver of the
    executive committee / council (Grace). Demo mode only. Returns {username: User}."""
    user_model = get_user_model()
    accounts = {}
    for username, (password, member_name, staff, group, _who) in DEMO_ACCOUNTS.items():
        # Log-ins and their groups are Django's own (django.contrib.auth), written with its API;
        # linking a person to a log-in is ours, through the members' service.
        user, _ = user_model.objects.get_or_create(username=username)
        user.is_staff = staff
        user.email = members[member_name].email
        user.set_password(password)
        user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        member = members[member_name]
        if member.user_id != user.pk:
            people.member_update_profile(member=member, user=OPERATOR, login=user)
        accounts[username] = user
    return accounts
