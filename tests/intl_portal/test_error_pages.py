"""A page that is not there is answered in the portal's own frame, in the reader's language,
with a way back; a missing row says which kind of thing is missing when the view says so."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_the_portals_not_found_page(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in page and "There is no page at this address" in page
    assert 'class="site-header"' in page and 'href="/"' in page
    assert "Resolver404" not in page


def test_the_not_found_page_in_chinese(client):
    page = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "<h1>未找到</h1>" in page and "Not found" not in page


def test_a_missing_event_says_so(member_client):
    response = member_client.get("/events/999999/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "No such event." in response.content.decode()


def test_a_member_refused_the_triage_page_is_told_it_is_for_coordinators(member_client):
    response = member_client.get("/triage/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 403
    assert "This page is for coordinators." in page and "for members of the group" not in page
