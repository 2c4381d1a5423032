"""The members' forms in a browser (issue 14): one field under the other at phone and laptop
width, and the date fields of the chosen precision only (static/js/forms.js)."""

import pytest

from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_the_propose_form_stacks_and_shows_the_dates_of_the_chosen_precision(
    member_user, live_server, browser, screenshot, width, locale
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
    page = context.new_page()
    log_in(page, live_server.url, "member", next="/events/propose/")
    page.select_option("#id_date_precision", "exact")
    assert page.locator("#id_start_date").is_visible()
    assert not page.locator("#id_approx_quarter").is_visible()
    # Label above its box: the box starts at the label's left edge.
    label, box = page.locator("label[for=id_name]").bounding_box(), page.locator("#id_name").bounding_box()
    assert box["y"] > label["y"] and abs(box["x"] - label["x"]) < 2
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"forms-propose-{width}-{locale}")
    page.select_option("#id_date_precision", "quarter")
    assert page.locator("#id_approx_quarter").is_visible()
    assert not page.locator("#id_start_date").is_visible()
    for path, name in [("/me/reminders/", "reminders"), ("/program/apply/", "apply")]:
        page.goto(f"{live_server.url}{path}")
        screenshot(page, f"forms-{name}-{width}-{locale}")
    context.close()
