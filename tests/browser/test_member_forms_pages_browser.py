"""The members' other forms in a browser (issue 14): the visa fields follow "Needs a visa",
and no form is wider than a phone; screenshots of each at 390 and 1366 px in both languages."""

import pytest

from tests import factories
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_member_forms_fit_and_the_visa_fields_follow_the_box(
    coordinator, live_server, browser, screenshot, width, locale
):
    member = coordinator.member
    participation = factories.ParticipationFactory(member=member)
    comment = participation.event.comments.create(author=member, text="Two lines\nof comment")
    contribution = factories.ContributionFactory(member=member)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
    page = context.new_page()
    log_in(page, live_server.url, "coordinator", next="/me/")
    page.goto(f"{live_server.url}/participations/{participation.pk}/trip/")
    assert not page.locator("#id_visa_status").is_visible()
    page.check("#id_needs_visa")
    assert page.locator("#id_visa_status").is_visible()
    screenshot(page, f"forms-trip-{width}-{locale}")
    pages = {
        "comment-edit": f"/comments/{comment.pk}/edit/",
        "contribution-edit": f"/program/contributions/{contribution.pk}/edit/",
        "swag-request": "/program/swag/request/",
        "reward-new": "/program/rewards/new/",
        "expense-create": "/budget/expenses/new/",
        "my-travel": "/me/travel/",
        "calendar-feed": "/me/calendar/",
        "ideas": "/ideas/",
        "date-change": f"/events/{participation.event.pk}/dates/",
        "login": "/accounts/login/",
    }
    for name, path in pages.items():
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
        screenshot(page, f"forms-{name}-{width}-{locale}")
    context.close()
