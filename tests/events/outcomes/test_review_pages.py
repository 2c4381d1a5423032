"""The review page, its exports (Markdown, PDF text read back with pypdf, Chinese included),
next year's plan with its copy, and the page's query count at two sizes."""

import io
import os

import pytest
from pypdf import PdfReader

from events.models import Event
from intl_portal.common.pdf_fonts import cjk_font

from .review_data import build_year

pytestmark = pytest.mark.django_db


def test_member_page_shows_names_and_notes_public_page_does_not(client, member_user):
    build_year()
    public = client.get("/review/2025/").content.decode()
    assert "Internal meetup 2025" not in public
    assert "看不出 CFP" not in public
    # The public window shows where the group goes, not what it declined (public_events).
    assert "All Things Open 2025" not in public
    assert "李小明" not in public
    client.force_login(member_user)
    member = client.get("/review/2025/").content.decode()
    assert "Internal meetup 2025" in member and "李小明" in member and "看不出 CFP" in member
    assert "All Things Open 2025" in member
    assert "<svg" in member
    assert "13,700" not in member  # money is for budget viewers
    assert "Internal meetup 2025" not in client.get("/review/2025/?public=1").content.decode()


def test_coordinator_page_shows_money(client, coordinator):
    build_year()
    client.force_login(coordinator)
    page = client.get("/review/2025/").content.decode()
    assert 'id="spent">13,700.00 CNY' in page


def test_page_in_chinese(client, member_user):
    build_year()
    client.force_login(member_user)
    page = client.get("/review/2025/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "年度回顾" in page


def test_bad_year_is_a_404_not_a_500(client):
    assert client.get("/review/99999/").status_code == 404
    assert client.get("/review/2025/review.doc").status_code == 404
    refused = client.get("/review/2025/review.md?lang=fr")
    assert refused.status_code == 400
    assert "lang" in refused.content.decode()


def test_markdown_export_member_and_public(client, coordinator):
    build_year()
    public = client.get("/review/2025/review.md").content.decode()
    assert public.startswith("# The year in review 2025")
    assert "Internal meetup" not in public and "Cost per talk" not in public
    client.force_login(coordinator)
    response = client.get("/review/2025/review.md")
    text = response.content.decode()
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert "- Talks won / wanted: 3 / 6" in text
    assert "- Cost per talk: 4,566.67 CNY" in text
    assert "- Cost per person-trip: 2,740.00 CNY" in text
    assert "| Simplified Chinese | WeChat | 2 |" in text
    chinese = client.get("/review/2025/review.md?lang=zh-hans").content.decode()
    assert chinese.startswith("# 年度回顾 2025")
    assert "- 演讲（争取到／目标）：3 / 6" in chinese
    assert "- 每人次的费用：2,740.00 CNY" in chinese
    assert "看不出 CFP 是否已经过期" in chinese


def _pdf_text(content):
    # pypdf reads fpdf2's embedded Noto CJK (a CFF font in a collection) as two-byte codes and
    # puts a NUL before each character; the characters themselves are the ones written.
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return text.replace("\x00", "")


def test_pdf_export_english(client, coordinator):
    build_year()
    client.force_login(coordinator)
    response = client.get("/review/2025/review.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "The year in review 2025" in text
    assert "Talks won / wanted: 3 / 6" in text
    assert "FOSDEM 2025" in text


def test_pdf_export_chinese(client, coordinator):
    if cjk_font() is None:
        if os.environ.get("CI"):
            pytest.fail("fonts-noto-cjk is missing under CI")
        pytest.skip("no Noto CJK font on this machine (fonts-noto-cjk)")
    build_year()
    client.force_login(coordinator)
    text = _pdf_text(client.get("/review/2025/review.pdf?lang=zh-hans").content)
    assert "年度回顾 2025" in text
    assert "看不出 CFP 是否已经过期" in text
    assert "江波" in text


def test_next_year_page_and_copy(client, coordinator, member_user):
    ev, _goals, _people = build_year()
    client.force_login(member_user)
    page = client.get("/review/2025/next-year/").content.decode()
    assert "FOSDEM 2025" in page and "FOSSASIA" not in page
    response = client.post(f"/review/2025/next-year/{ev['fosdem'].pk}/copy/")
    assert response.status_code == 302
    assert not Event.objects.filter(series="FOSDEM", edition_year=2026).exists()
    client.force_login(coordinator)
    client.post(f"/review/2025/next-year/{ev['fosdem'].pk}/copy/")
    copy = Event.objects.get(series="FOSDEM", edition_year=2026)
    assert copy.start_date.year == 2026
    assert copy.name in client.get("/review/2025/next-year/").content.decode()


def test_next_year_is_for_members(client, outsider):
    client.force_login(outsider)
    assert client.get("/review/2025/next-year/").status_code == 403


@pytest.mark.parametrize("extra", [0, 60])
def test_review_page_queries_do_not_grow_with_events(
    client, coordinator, member_user, django_assert_max_num_queries, extra
):
    build_year(extra_events=extra)
    # Signed in: session, user, member (the zone middleware), groups; then events, people,
    # publications; the money (budgets with their expenses, rates) for whoever sees budgets.
    for user, url, most in [
        (None, "/review/2025/", 3),
        (member_user, "/review/2025/", 7),
        (coordinator, "/review/2025/", 9),
        (coordinator, "/review/2025/review.md", 9),
    ]:
        client.logout()
        if user:
            client.force_login(user)
        with django_assert_max_num_queries(most):
            response = client.get(url)
        assert response.status_code == 200


def test_review_index_goes_to_this_year_and_event_page_links_outcomes(client, member_user):
    from django.utils import timezone

    assert client.get("/review/")["Location"] == f"/review/{timezone.localdate().year}/"
    ev, _goals, _people = build_year()
    assert "/outcomes/" not in client.get(f"/events/{ev['fosdem'].pk}/").content.decode()
    client.force_login(member_user)
    assert (
        f"/events/{ev['fosdem'].pk}/outcomes/" in client.get(f"/events/{ev['fosdem'].pk}/").content.decode()
    )
