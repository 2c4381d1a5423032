"""What browser tests do on every page: sign in through the real log-in form, and reach the
header's tools, which sit behind the Menu button at phone width."""

PASSWORD = "password"  # tests.factories.UserFactory's


def log_in(page, base_url, username, *, next="/", admin=False):
    """Sign in as `username` through the portal's log-in form (or admin's) and wait for
    the page `next` it leads to."""
    if admin:
        page.goto(f"{base_url}/admin/login/?next={next}")
        submit = "input[type=submit]"
    else:
        page.goto(f"{base_url}/accounts/login/?next={next}")
        submit = "main button[type=submit]"
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click(submit)
    page.wait_for_url(f"{base_url}{next}")


def open_menu(page):
    """Open the phone menu when its button shows (a no-op wider)."""
    toggle = page.locator("[data-menu-toggle]")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def choose_language(page, code):
    """Click the language button `code` ("en", "zh-hans") in the header."""
    open_menu(page)
    page.click(f"button[value={code}]")
