"""The API's docs page (Swagger UI) in Chromium: it fetches the schema and renders its
operations with nothing blocked by the CSP."""


def test_docs_page_renders_in_chromium_without_csp_violations(live_server, browser):
    problems = []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and problems.append(message.text))
        page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
        page.goto(f"{live_server.url}/api/docs/")
        page.wait_for_selector(".swagger-ui .info .title", timeout=20000)
        title = page.inner_text(".swagger-ui .info .title")
        # The schema was fetched and its operations are being rendered.
        page.locator(".opblock").first.wait_for(timeout=30000)
        first_operation = page.inner_text(".opblock .opblock-summary-path")
    finally:
        context.close()
    assert "intl_portal API" in title
    assert first_operation.startswith("/api/")
    assert problems == []
