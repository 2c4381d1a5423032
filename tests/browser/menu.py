"""Reaching the header's tools from a browser test at any width: at phone width they sit
behind the Menu button."""


def open_menu(page):
    """Open the phone menu when its button shows (a no-op wider)."""
    toggle = page.locator("[data-menu-toggle]")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def choose_language(page, code):
    """Click the language button `code` ("en", "zh-hans") in the header."""
    open_menu(page)
    page.click(f"button[value={code}]")
