"""The header at phone width (issue 14): the brand and a Menu button on one line, the links
and tools behind the button; at laptop width everything shows and there is no button."""

import pytest

from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(browser, live_server, width, locale, username="member"):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
    page = context.new_page()
    log_in(page, live_server.url, username)
    return context, page


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_the_phone_menu_opens_and_closes_behind_one_button(
    member_user, live_server, browser, screenshot, locale
):
    context, page = _signed_in(browser, live_server, 390, locale)
    toggle = page.locator("[data-menu-toggle]")
    header = page.locator(".site-header")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("nav.site-nav").is_visible()
    # The closed header is one line: the brand and the button.
    assert header.bounding_box()["height"] < 70
    screenshot(page, f"menu-closed-{locale}")

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    nav = page.locator("nav.site-nav")
    assert nav.is_visible() and page.locator(".site-tools").is_visible()
    # Each link is a full-width row, tall enough to tap.
    link = nav.locator("a").first
    assert link.bounding_box()["height"] >= 36 and link.bounding_box()["width"] > 300
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"menu-open-{locale}")
    link.click()
    page.wait_for_load_state()
    assert page.locator("[data-menu-toggle]").get_attribute("aria-expanded") == "false"

    page.locator("[data-menu-toggle]").click()
    page.locator("[data-menu-toggle]").click()
    assert not page.locator("nav.site-nav").is_visible()
    context.close()


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_at_laptop_width_the_menu_shows_in_one_line_without_a_button(
    coordinator, live_server, browser, screenshot, locale
):
    # A coordinator has the most links (triage, budget, the travel board, admin).
    context, page = _signed_in(browser, live_server, 1366, locale, username="coordinator")
    assert not page.locator("[data-menu-toggle]").is_visible()
    nav = page.locator("nav.site-nav")
    assert nav.is_visible() and page.locator(".site-tools").is_visible()
    tops = {round(box["y"]) for box in (link.bounding_box() for link in nav.locator("a").all())}
    assert len(tops) == 1, tops
    # The tools sit on the brand's line, above the menu.
    brand, tools = page.locator(".brand").bounding_box(), page.locator(".site-tools").bounding_box()
    assert tools["y"] < nav.bounding_box()["y"] and abs(tools["y"] - brand["y"]) < 20
    screenshot(page, f"menu-laptop-{locale}")
    context.close()


def test_without_scripts_the_phone_menu_is_shown(member_user, live_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    assert page.locator("nav.site-nav").is_visible()
    assert not page.locator("[data-menu-toggle]").is_visible()
    context.close()


def test_the_menu_marks_the_page_being_shown(member_user, live_server, browser):
    context, page = _signed_in(browser, live_server, 1366, "en-US")
    page.goto(f"{live_server.url}/cfp/")
    current = page.locator('nav.site-nav a[aria-current="page"]')
    assert current.count() == 1 and current.inner_text() == "CFP board"
    page.goto(f"{live_server.url}/me/reminders/")
    assert page.locator('nav.site-nav a[aria-current="page"]').inner_text() == "My plan"
    context.close()


def test_phone_controls_are_tall_enough_to_tap(member_user, live_server, browser):
    context, page = _signed_in(browser, live_server, 390, "en-US")
    heights = page.evaluate(
        """[...document.querySelectorAll('main select, main button, main input:not([type=hidden])')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.outerHTML.slice(0, 60), e.getBoundingClientRect().height])"""
    )
    assert heights and all(
        height >= 20 if "checkbox" in html else height >= 39.5 for html, height in heights
    ), heights
    context.close()
