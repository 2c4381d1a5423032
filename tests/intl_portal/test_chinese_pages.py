"""Every page a visitor, a member and a coordinator can GET, and the admin's pages of our
models, rendered in Chinese: no English word a reader sees, except the allowed proper names
and codes (locale/zh_Hans/english_allowed.txt) and the words of the stored data itself
(event names, people's names, notes: the readers' own text, not the portal's).

The pages come from the URL resolver: a new page is checked without touching this file;
a new page with an argument tests/page_samples.py has no sample for fails until one is added."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from budget.models import Budget, Expense
from events.models import Event
from events.services.comments import comment_post
from intl_portal.common.currencies import CURRENCY_CHOICES
from intl_portal.demo.loader import load_demo
from members.groups import COORDINATORS, ensure_standard_groups
from members.models import Contribution, Member
from tests import factories, page_samples

from .visible_english import allowed_words, visible_english, words_in

pytestmark = pytest.mark.django_db

OUR_APPS = {"events", "members", "budget"}
CURRENCIES = {code for code, _name in CURRENCY_CHOICES}
# Not pages: machine answers, files, POST-only doors reached through forms, the API (for scripts).
NOT_PAGES = ("api/", "admin/", "healthz", "i18n/", "timezone/", "accounts/logout/", "calendar/")
NOT_PAGE_NAMES = {"budget:budget_export", "budget:expense_receipt", "travel:letter_pdf", "review:export"}


def _patterns(resolver=None, prefix="", namespace=""):
    """(route, URL name, argument names) of every pattern, walking included URLconfs."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else pattern.namespace
            )
            yield from _patterns(pattern, route, inner or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield route, name, sorted(pattern.pattern.regex.groupindex)


def page_urls(probe):
    """The URLs to check, and the names of GET pages with arguments but no sample (a POST-only
    door answers the signed-in `probe` client's GET with 405 and needs none)."""
    urls, missing = [], []
    for route, name, arguments in _patterns():
        if route.startswith(NOT_PAGES) or name in NOT_PAGE_NAMES:
            continue
        if not arguments:
            urls.append(reverse(name))
        elif name in page_samples.SAMPLES:
            urls.extend(reverse(name, kwargs=kwargs) for kwargs in page_samples.samples(name))
        elif probe.get(reverse(name, kwargs=_dummy(arguments))).status_code != 405:
            missing.append(name)  # a GET page (not a POST-only door) without a sample
    return urls, missing


def _dummy(arguments):
    return {argument: {"year": 2025, "token": "x" * 16}.get(argument, "1") for argument in arguments}


def admin_urls():
    urls = []
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        if meta.app_label not in OUR_APPS:
            continue
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        urls.append(reverse(f"{prefix}_changelist"))
        if model_admin.has_add_permission(_Request()):
            urls.append(reverse(f"{prefix}_add"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls.append(reverse(f"{prefix}_change", args=[first.pk]))
            urls.append(reverse(f"{prefix}_history", args=[first.pk]))
    return urls


class _Request:
    # has_add_permission asks the user; a superuser-like stand-in answers "may".
    class user:
        is_active = is_staff = is_superuser = is_authenticated = True
        pk = None

        @staticmethod
        def has_perm(perm, obj=None):
            return True


def stored_words():
    """Words of the stored free text: people's and events' names, notes, titles."""
    words = set()
    for config in apps.get_app_configs():
        if config.label not in OUR_APPS | {"auth"}:
            continue
        for model in config.get_models():
            fields = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField) and not f.choices
            ]
            for row in model._default_manager.values_list(*fields):
                for value in row:
                    if value:
                        words.update(words_in(str(value)))
    return words


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    client.cookies["django_language"] = "zh-hans"
    return client


@pytest.fixture
def readers(settings):
    settings.DEMO_MODE = False
    load_demo(with_accounts=False)
    ensure_standard_groups()
    coordinator = factories.UserFactory(username="zh-coordinator", is_staff=True)
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    factories.MemberFactory(user=coordinator, display_name="协调人陈")
    member = factories.UserFactory(username="zh-member")
    Member.objects.filter(display_name="Richard").update(user=member)
    richard = Member.objects.get(display_name="Richard")
    event = Event.objects.filter(participations__isnull=False).order_by("pk").first()
    comment_post(user=member, event=event, text="我们去吧 @Richard")
    assert richard.user_id == member.pk
    if not Expense.objects.exists():
        factories.ExpenseFactory(
            budget=Budget.objects.order_by("pk").first(), member=richard, description="机票"
        )
    if not Contribution.objects.exists():
        factories.ContributionFactory(member=richard, title_en="", title_zh="译文")
    return {"visitor": _client(), "member": _client(member), "coordinator": _client(coordinator)}


def _english_on(client, urls, allowed, phrases):
    found = {}
    for url in urls:
        response = client.get(url)
        if response.status_code in {301, 302, 403, 404, 405}:
            continue
        assert response.status_code == 200, url
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        english = visible_english(response.content.decode(), allowed, phrases)
        if english:
            found[url] = sorted(set(english))
    return found


def _report(found):
    return "English on Chinese pages:\n" + "\n".join(
        f"{url}: " + "; ".join(f"{word} in “{context}”" for word, context in words)
        for url, words in found.items()
    )


def test_every_page_has_a_sample_for_its_arguments(readers):
    _urls, missing = page_urls(readers["coordinator"])
    assert missing == [], "add a sample object for these pages in tests/page_samples.py"


@pytest.mark.parametrize("role", ["visitor", "member", "coordinator"])
def test_chinese_pages_show_no_english_word(readers, role):
    words, phrases = allowed_words()
    allowed = words | stored_words() | CURRENCIES
    urls, _missing = page_urls(readers["coordinator"])
    assert len(urls) > 20
    found = _english_on(readers[role], urls, allowed, phrases)
    assert found == {}, _report(found)


def test_chinese_admin_shows_no_english_word(readers):
    words, phrases = allowed_words()
    allowed = words | stored_words() | CURRENCIES
    # django-simple-history's history lists (the budgets' and expenses') included: our
    # template of them shows choices by their labels and "—" for nothing, not "draft", "None".
    found = _english_on(readers["coordinator"], admin_urls(), allowed, phrases)
    assert found == {}, _report(found)


def test_the_check_sees_english_in_text_and_attributes():
    html = (
        '<p>活动 <a href="https://example.org/x" title="Open calendar">日历</a></p>'
        "<code>make run</code><p>Asia/Shanghai · 2025-06-30 · a@b.org · 截止 Deadline</p>"
        '<input type="submit" value="Save"><textarea>my own notes</textarea>'
        '<button lang="en">English</button><span aria-labelledby="goals-heading">目标</span>'
    )
    assert [word for word, _context in visible_english(html, {"UTC"})] == [
        "Open",
        "calendar",
        "Deadline",
        "Save",
    ]
