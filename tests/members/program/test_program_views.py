"""Program pages: what each viewer sees and the web flows (their query counts:
test_program_queries.py)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Contribution, ContributionPublication, Enrolment, StockMovement
from members.program import services
from tests import factories

from .records import accepted, enrolled

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(coordinator):
    factories.PointRuleFactory(points=10)
    shown = factories.MemberFactory(display_name="Public Pan")
    hidden = factories.MemberFactory(display_name="Private Qian")
    enrolled(shown, public=True)
    enrolled(hidden, public=False)
    accepted(shown, coordinator, public=True, title="Shown article")
    accepted(shown, coordinator, public=False, title="Unlisted article")
    accepted(hidden, coordinator, public=True, title="Article of a private member")
    return shown, hidden


# --------------------------------------------------------------------------- recognition


def test_public_page_shows_only_listed_members_and_their_public_contributions(client, program):
    response = client.get(reverse("program:page"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Public Pan" in text
    assert "Shown article" in text
    assert "Unlisted article" not in text
    assert "Private Qian" not in text
    assert "Article of a private member" not in text
    assert response.context["rows"][0].points == 20  # a listed member shows their total


def test_members_see_every_contributor_and_contribution(member_client, program):
    text = member_client.get(reverse("program:page")).content.decode()
    for shown in ("Public Pan", "Private Qian", "Unlisted article", "Article of a private member"):
        assert shown in text


def test_public_preview_hides_the_same_for_members(member_client, program):
    text = member_client.get(reverse("program:public")).content.decode()
    assert "Private Qian" not in text
    assert "Unlisted article" not in text


def test_contribution_accepted_before_the_term_does_not_count(coordinator, client):
    member = factories.MemberFactory(display_name="Late Li")
    enrolment = enrolled(member, public=True)
    old = accepted(member, coordinator, public=True, title="Before the term")
    Contribution.objects.filter(pk=old.pk).update(reviewed_at=timezone.now() - dt.timedelta(days=400))
    response = client.get(reverse("program:page"))
    assert "Before the term" not in response.content.decode()
    assert response.context["rows"][0].member == enrolment.member


def test_certificate_opens_for_the_member_and_coordinators_only(client, member_user, coordinator):
    accepted(member_user.member, coordinator, public=False, title="FOSDEM report")
    url = reverse("program:certificate", args=[member_user.member.pk])
    other = factories.UserFactory(username="other")
    factories.MemberFactory(user=other)
    client.force_login(other)
    assert client.get(url).status_code == 403
    client.force_login(member_user)
    response = client.get(url)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Certificate of Appreciation" in text
    assert "感谢证书" in text  # both languages at once, whatever the viewer's language
    client.force_login(coordinator)
    assert client.get(url).status_code == 200


def test_a_certificate_with_nothing_to_certify_is_a_polite_not_found(member_client, member_user):
    enrolled(member_user.member, public=False)  # enrolled, nothing accepted yet
    factories.ContributionFactory(member=member_user.member)  # submitted, not accepted
    response = member_client.get(reverse("program:certificate", args=[member_user.member.pk]))
    assert response.status_code == 404
    assert "Nothing to certify yet" in response.text
    assert "Certificate of Appreciation" not in response.text
    assert "0 accepted" not in response.text
    # …and no page links to it.
    certificate = reverse("program:certificate", args=[member_user.member.pk])
    assert certificate not in member_client.get(reverse("program:mine")).text
    assert certificate not in member_client.get(reverse("program:page")).text


def test_an_honour_alone_makes_a_certificate(member_client, member_user):
    member = member_user.member
    certificate = reverse("program:certificate", args=[member.pk])
    assert member_client.get(certificate).status_code == 404
    factories.RewardFactory(member=member, kind="honour", title="Translator of the year")
    assert member_client.get(certificate).status_code == 200
    assert certificate in member_client.get(reverse("program:mine")).text


def test_a_certificate_in_chinese_says_nothing_to_certify_in_chinese(member_client, member_user):
    member_client.post("/i18n/setlang/", {"language": "zh-hans"})
    response = member_client.get(reverse("program:certificate", args=[member_user.member.pk]))
    assert response.status_code == 404
    assert "暂无可证明的内容" in response.text


def test_contribution_form_labels_start_with_a_capital_and_the_title_rule_is_said_once(member_client):
    response = member_client.post(reverse("program:contribution_new"), _contribution_post(title_zh=""))
    assert response.text.count("Give a Chinese or an English title.") == 1
    labels = ["Link (Chinese):", "Link (English):", "Channel:", "Language:", "Planned for:", "Published at:"]
    for label in labels:
        assert f">{label}</label>" in response.text, label
    assert "link (Chinese)" not in response.text and ">channel:" not in response.text


# --------------------------------------------------------------------------- web flows


def test_member_applies_from_the_web_page(member_client, member_user):
    response = member_client.post(
        reverse("program:apply"),
        {"track": "ambassador", "region": "Europe", "language_pair": "", "motivation": "FOSDEM"},
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(member=member_user.member)
    assert (enrolment.track, enrolment.status, enrolment.show_publicly) == (
        "ambassador",
        "applied",
        False,
    )


def test_second_application_shows_a_form_error_and_creates_nothing(member_client, member_user):
    factories.EnrolmentFactory(member=member_user.member, track="ambassador")
    response = member_client.post(reverse("program:apply"), {"track": "ambassador"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Enrolment.objects.count() == 1


def test_outsider_gets_403_on_member_pages(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("program:apply")).status_code == 403
    assert client.get(reverse("program:swag")).status_code == 403


def test_anonymous_is_sent_to_log_in(client, db):
    response = client.get(reverse("program:mine"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def _contribution_post(**extra):
    data = {
        "kind": "translated_article",
        "title_zh": "开源出海",
        "title_en": "",
        "url_zh": "",
        "url_en": "",
        "outline": "",
        "event": "",
        "pub-TOTAL_FORMS": "3",
        "pub-INITIAL_FORMS": "0",
        "pub-MIN_NUM_FORMS": "0",
        "pub-MAX_NUM_FORMS": "12",
        "pub-0-channel": "wechat",
        "pub-0-language": "zh-hans",
        "pub-0-published_at": "2025-08-01T10:00",
        "pub-1-channel": "linkedin",
        "pub-1-language": "en",
        "pub-1-planned_for": "2025-08-20T09:00",
        "pub-2-language": "en",
    }
    data.update(extra)
    return data


def test_member_submits_a_contribution_with_its_channels(member_client, member_user):
    response = member_client.post(reverse("program:contribution_new"), _contribution_post())
    assert response.status_code == 302
    contribution = Contribution.objects.get(member=member_user.member)
    assert contribution.status == Contribution.Status.SUBMITTED
    assert sorted(contribution.publications.values_list("channel", "language")) == [
        ("linkedin", "en"),
        ("wechat", "zh-hans"),
    ]


def test_contribution_without_title_is_a_form_error(member_client):
    response = member_client.post(reverse("program:contribution_new"), _contribution_post(title_zh=""))
    assert response.status_code == 200
    assert Contribution.objects.count() == 0


def test_coordinator_accepts_and_returns_on_the_review_page(coordinator_client):
    factories.PointRuleFactory(points=10)
    first, second = factories.ContributionFactory(), factories.ContributionFactory()
    assert coordinator_client.get(reverse("program:review")).status_code == 200
    coordinator_client.post(reverse("program:contribution_review", args=[first.pk, "accept"]))
    coordinator_client.post(
        reverse("program:contribution_review", args=[second.pk, "return"]), {"note": "Add a link"}
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.points) == ("accepted", 10)
    assert (second.status, second.review_note) == ("returned", "Add a link")


def test_member_cannot_post_a_review(member_client):
    contribution = factories.ContributionFactory()
    url = reverse("program:contribution_review", args=[contribution.pk, "accept"])
    assert member_client.post(url).status_code == 403
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.SUBMITTED


def test_coordinator_accepts_an_application_on_the_web(coordinator_client):
    enrolment = factories.EnrolmentFactory()
    coordinator_client.post(reverse("program:enrolment_decide", args=[enrolment.pk, "accept"]))
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


# --------------------------------------------------------------------------- calendar


def test_calendar_lists_publications_and_pairs_missing_a_language(member_client):
    now = timezone.now()
    full = factories.ContributionFactory(title_zh="双语", title_en="Bilingual")
    ContributionPublication.objects.create(
        contribution=full, channel="linkedin", language="en", planned_for=now + dt.timedelta(days=2)
    )
    ContributionPublication.objects.create(
        contribution=full, channel="wechat", language="zh-hans", published_at=now
    )
    half = factories.ContributionFactory(title_zh="只有中文", title_en="")
    response = member_client.get(reverse("program:calendar"))
    assert response.status_code == 200
    assert [p.channel for p in response.context["dated"]] == ["wechat", "linkedin"]
    missing = dict(response.context["missing"])
    assert full not in missing
    assert missing[half] == ["title_en"]


def test_missing_publication_language_is_reported(member_client):
    contribution = factories.ContributionFactory(
        kind="original_article", title_zh="原创", title_en="Original"
    )
    ContributionPublication.objects.create(contribution=contribution, channel="x", language="en")
    missing = dict(member_client.get(reverse("program:calendar")).context["missing"])
    assert missing[contribution] == ["publication_zh"]


# --------------------------------------------------------------------------- swag


@pytest.fixture
def shirt(coordinator):
    variant = factories.SwagVariantFactory(label="L")
    room = factories.StockLocationFactory()
    services.stock_record(user=coordinator, variant=variant, kind="in", quantity=5, to_location=room)
    return variant, room


def _swag_post(variant, **extra):
    data = {
        "recipient_name": "Han Meimei",
        "address": "88 Secret Lane, Hangzhou",
        "phone": "",
        "reason": "speaker_gift",
        "event": "",
        "note": "",
        "line-TOTAL_FORMS": "3",
        "line-INITIAL_FORMS": "0",
        "line-MIN_NUM_FORMS": "0",
        "line-MAX_NUM_FORMS": "20",
        "line-0-variant": str(variant.pk),
        "line-0-quantity": "2",
    }
    data.update(extra)
    return data


def test_member_requests_swag_and_cannot_see_addresses(client, member_user, coordinator, shirt):
    variant, _room = shirt
    client.force_login(member_user)
    response = client.post(reverse("program:swag_request_new"), _swag_post(variant))
    assert response.status_code == 302
    page = client.get(reverse("program:swag")).content.decode()
    assert "Han Meimei" in page
    assert "88 Secret Lane" not in page
    client.force_login(coordinator)
    assert "88 Secret Lane" in client.get(reverse("program:swag")).content.decode()


def test_coordinator_approves_and_ships_on_the_web(coordinator_client, member_user, shirt):
    variant, room = shirt
    request = services.swag_request_create(
        user=member_user, recipient_name="A", address="B", reason="booth", lines=[(variant, 2)]
    )
    coordinator_client.post(reverse("program:swag_request_act", args=[request.pk, "approve"]))
    coordinator_client.post(
        reverse("program:swag_request_act", args=[request.pk, "ship"]), {"tracking_note": "SF1"}
    )
    request.refresh_from_db()
    assert (request.status, request.tracking_note) == ("shipped", "SF1")
    assert variant.levels.get(location=room).quantity == 3


def test_shipping_more_than_stock_shows_an_error_not_a_500(coordinator_client, member_user, shirt):
    variant, room = shirt
    request = services.swag_request_create(
        user=member_user, recipient_name="A", address="B", reason="booth", lines=[(variant, 9)]
    )
    coordinator_client.post(reverse("program:swag_request_act", args=[request.pk, "approve"]))
    response = coordinator_client.post(
        reverse("program:swag_request_act", args=[request.pk, "ship"]), follow=True
    )
    assert response.status_code == 200
    assert "Not enough stock" in response.content.decode()
    assert variant.levels.get(location=room).quantity == 5


def test_member_cannot_ship(member_client, member_user, shirt):
    variant, _room = shirt
    request = services.swag_request_create(
        user=member_user, recipient_name="A", address="B", reason="booth", lines=[(variant, 1)]
    )
    url = reverse("program:swag_request_act", args=[request.pk, "approve"])
    assert member_client.post(url).status_code == 403


def test_coordinator_thanks_a_translator_with_a_shirt_from_the_web(coordinator_client, shirt):
    variant, room = shirt
    translator = factories.MemberFactory(display_name="Translator Zhao")
    response = coordinator_client.post(
        reverse("program:reward_new"),
        {
            "member": translator.pk,
            "kind": "swag",
            "title": "译道师 T-shirt",
            "variant": variant.pk,
            "quantity": 1,
            "address": "2 Example Street",
            "ship_from": room.pk,
        },
    )
    assert response.status_code == 302
    reward = translator.rewards.get()
    assert reward.swag_request.status == "approved"
    coordinator_client.post(reverse("program:swag_request_act", args=[reward.swag_request.pk, "ship"]))
    assert variant.levels.get(location=room).quantity == 4
    assert StockMovement.objects.filter(kind="out", request=reward.swag_request).count() == 1
