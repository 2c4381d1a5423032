"""Every page, as each role, in both languages, at a phone's and a laptop's width, in
Chromium: no horizontal scroll, no console error, no CSP violation, and no serious or
critical violation found by axe-core (colour contrast included).

axe-core is the npm package (tests/js, `npm ci --prefix tests/js`), injected by the test as
an init script (DevTools' own channel, outside the page's CSP); users are never served it.
One context per role, language and width; its pages in sequence. A failure names the page,
the role, the language and the width. Screenshots: test-output/browser/sweep/.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.machine import require_service

from .conftest import SCREENSHOTS
from .sweep_pages import admin_pages, pages, sweep_data

pytestmark = [pytest.mark.browser, pytest.mark.sweep, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
ROLES = ("visitor", "member", "coordinator", "approver")
LANGUAGES = {"en": "en-GB", "zh-hans": "zh-CN"}
WIDTHS = {390: 844, 1366: 900}
OUT = SCREENSHOTS / "sweep"

# Collected in the page: CSP violations as the browser reports them to the document.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
"""

# preload: false, or axe itself would add <style> elements that the CSP (rightly) blocks.
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"], preload: false});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.help}): ` + v.nodes.slice(0, 4)
      .map((n) => n.target.join(" ") + " — " + (n.failureSummary || "").split("\\n").slice(1, 2).join(""))
      .join(" | "));
}"""

MEASURE = "() => [document.documentElement.scrollWidth, window.innerWidth]"


def _session(user):
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _check(page, url, shot):
    """The problems of one page: [text]."""
    problems = []
    response = page.goto(url, wait_until="load")
    if response is None or response.status >= 500:
        return [f"answered {response.status if response else 'nothing'}"], None
    status = response.status
    width, inner = page.evaluate(MEASURE)
    if width > inner:
        wide = page.evaluate(
            """(inner) => [...document.querySelectorAll("body *")]
                .filter((e) => e.getBoundingClientRect().right > inner + 1)
                .slice(0, 3).map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""))""",
            inner,
        )
        problems.append(f"scrolls sideways: {width} px wide in {inner} ({', '.join(wide)})")
    problems += [f"axe: {text}" for text in page.evaluate(AXE_RUN)]
    problems += [f"CSP: {text}" for text in page.evaluate("() => window.__cspViolations")]
    page.screenshot(path=str(shot), full_page=True)
    return problems, status


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_page_fits_and_is_accessible(role, language, width, live_server, browser):
    require_service(AXE.is_file(), "needs axe-core (npm ci --prefix tests/js)")
    users = sweep_data()
    visits = pages(users)
    if role == "coordinator" and width == 1366:
        visits += admin_pages()

    viewport = {"width": width, "height": WIDTHS[width]}
    context = browser.new_context(viewport=viewport, locale=LANGUAGES[language])
    base = live_server.url
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
    if users[role] is not None:
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": _session(users[role]), "url": base})
    context.add_cookies(cookies)
    context.add_init_script(script=LISTEN)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    console = []
    page.on("console", lambda message: message.type == "error" and console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))

    OUT.mkdir(parents=True, exist_ok=True)
    failures, seen = [], set()
    try:
        for name, path in visits:
            console.clear()
            shot = OUT / f"{width}-{language}-{role}-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.png"
            problems, status = _check(page, live_server.url + path, shot)
            landed = page.url.split("?")[0]
            if landed in seen and landed != live_server.url + path:
                shot.unlink(missing_ok=True)  # sent on to a page already checked (log-in)
                continue
            seen.add(landed)
            # A refusal (403, 404) is a page too; Chromium reports its status on the console.
            refused = f"the server responded with a status of {status} "
            problems += [f"console: {text}" for text in console if refused not in text]
            failures += [f"{name} {path} as {role}, {language}, {width} px: {text}" for text in problems]
    finally:
        context.close()
    assert not failures, "\n".join(failures)
