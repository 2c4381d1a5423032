"""What the page sweep visits: the data it visits them with (the demo plan, four roles) and
the list of pages, built from the URL resolver so that a new page is swept without being
listed here.

A URL pattern is a page when a GET by the coordinator or the approver answers 200 with
HTML. Its parameters are filled from tests/page_samples.py (by URL name; a page with two
samples is visited with each) or, failing that, with a placeholder: a POST-only view answers
405 before it looks anything up, so only pages need a sample; a page without one answers 404
and `pages()` says which sample to add.
"""

import datetime as dt
from decimal import Decimal

from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from budget.models import Budget, Expense
from events.models import Event
from events.services import comments
from members.groups import APPROVERS
from members.models import ContributionPublication, Member
from tests import factories, page_samples

# Not pages: other doors (API, admin: swept apart), machine endpoints, feeds and files.
NOT_PAGES = ("admin/", "api/", "healthz", "i18n/", "timezone/", "calendar/")
FILES = {"budget:budget_export", "budget:expense_receipt", "review:export", "travel:letter_pdf"}
# Our apps' admin: the index, every changelist and one change form each.
ADMIN_APPS = ("members", "events", "budget")


def sweep_data():
    """The demo plan (every kind of row, realistic lengths) with the four roles' log-ins:
    the demo's coordinator (Emily), member (Richard) and approver (Grace, of the council)."""
    from intl_portal.demo import load_demo

    load_demo(with_accounts=True)
    approver = User.objects.get(username="approver")
    assert approver.groups.filter(name=APPROVERS).exists()
    richard = Member.objects.get(display_name="Richard")
    budget = Budget.objects.order_by("pk").first()  # the plan's 2025 budget
    event = Event.objects.filter(participations__member=richard).order_by("start_date").first()
    for status, description in (
        (Expense.Status.SUBMITTED, "Flight Shanghai–Taipei, economy, return"),
        (Expense.Status.APPROVED, "Hotel near the venue, three nights"),
        (Expense.Status.REJECTED, "Taxi"),
    ):
        factories.ExpenseFactory(
            budget=budget,
            event=event,
            member=richard,
            description=description,
            amount=Decimal("3250.50"),
            spent_on=dt.date(2025, 8, 8),
            status=status,
        )
    factories.BudgetLineFactory(budget=budget, event=event, member=richard, description="Flight")
    _content_calendar(richard, event)
    coordinator = User.objects.get(username="coordinator")
    comments.comment_post(user=coordinator, event=event, text="Who books the booth? @Richard, can you?")
    users = {user.username: user for user in User.objects.filter(username__in=("member", "coordinator"))}
    return {"visitor": None, **users, "approver": approver}


def _content_calendar(member, event):
    """Contributions going out this week (the demo's are all in 2025), one of them in one
    language only."""
    soon = timezone.now() + dt.timedelta(days=2)
    article = factories.ContributionFactory(
        member=member,
        event=event,
        title_en="How an open-source foundation works with communities in China",
        title_zh="开源基金会如何与中国社区合作",
    )
    solo = factories.ContributionFactory(member=member, title_en="Notes from the booth")
    Publication = ContributionPublication
    for contribution, channel, language in (
        (article, Publication.Channel.LINKEDIN, "en"),
        (article, Publication.Channel.WECHAT, "zh-hans"),
        (solo, Publication.Channel.BLOG, "en"),
    ):
        Publication.objects.create(
            contribution=contribution, channel=channel, language=language, planned_for=soon
        )


PLACEHOLDERS = {"int": 1, "id": 1, "str": "x", "slug": "x", "path": "x"}


def _patterns(resolver=None, prefix="", namespace=None):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern), entry.namespace or namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), f"{namespace}:{entry.name}" if namespace else entry.name, entry


def _kwargs(name, pattern):
    """The page's samples (tests/page_samples.py), else one set of placeholders."""
    if name in page_samples.SAMPLES:
        return page_samples.samples(name)
    converters = pattern.pattern.converters
    kinds = {key: type(c).__name__.lower().replace("converter", "") for key, c in converters.items()}
    return [{key: PLACEHOLDERS.get(kind, 1) for key, kind in kinds.items()}]


def pages(users):
    """[(url name, path)] of every page; fails naming a page that has no sample."""
    clients = []
    for username in ("coordinator", "approver"):
        client = Client()
        client.force_login(users[username])
        clients.append(client)
    found, missing = [], []
    for route, name, pattern in _patterns():
        if route.startswith(NOT_PAGES) or name in FILES:
            continue
        for number, kwargs in enumerate(_kwargs(name, pattern), start=1):
            path = reverse(name, kwargs=kwargs)
            answers = [client.get(path) for client in clients]
            if any(a.status_code == 200 and a["Content-Type"].startswith("text/html") for a in answers):
                found.append((name if number == 1 else f"{name}-{number}", path))
            elif (
                all(a.status_code == 404 for a in answers)
                and name not in page_samples.SAMPLES
                and "action" not in pattern.pattern.converters
            ):
                missing.append(name)
    assert not missing, f"pages without a sample in tests/page_samples.py SAMPLES: {missing}"
    return found


def admin_pages():
    """[(name, path)]: the admin index, our models' changelists and one change form each."""
    found = [("admin:index", reverse("admin:index"))]
    for model in admin.site._registry:
        meta = model._meta
        if meta.app_label not in ADMIN_APPS:
            continue
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        found.append((f"{prefix}_changelist", reverse(f"{prefix}_changelist")))
        row = model._default_manager.order_by("pk").first()
        if row is not None:
            found.append((f"{prefix}_change", reverse(f"{prefix}_change", args=[row.pk])))
    return found
