"""The event page: everything for members, the public window for everyone else."""

import datetime as dt

from events.models import ActionItem, Goal, Participation
from members.models import Member
from tests import factories

XSS = "<script>alert(1)</script>"


def _full_event():
    event = factories.EventFactory(
        name="COSCUP 2025",
        start_date=dt.date(2025, 8, 9),
        end_date=dt.date(2025, 8, 10),
        city="Taipei",
        country="TW",
        website_url="https://coscup.org/2025/",
        notes="Shared booth with ALC Taipei",
        decision_notes="Decided at the June meeting",
        review="Great booth traffic",
    )
    other = factories.EventFactory(name="KubeCon China 2025", start_date=dt.date(2025, 8, 10))
    event.alternatives.add(other)
    advisor = factories.MemberFactory(display_name="Robert", email="robert@example.org")
    speaker = factories.MemberFactory(display_name="Ted", email="ted@example.org")
    factories.ParticipationFactory(event=event, member=speaker, role=Participation.Role.SPEAKER)
    factories.ParticipationFactory(
        event=event,
        member=advisor,
        role=Participation.Role.SPEAKER,
        status=Participation.Status.TENTATIVE,
    )
    factories.GoalFactory(event=event, kind=Goal.Kind.TALK, status=Goal.Status.SECURED, owner=speaker)
    factories.GoalFactory(event=event, kind=Goal.Kind.BOOTH, status=Goal.Status.WANTED, owner=speaker)
    factories.ActionItemFactory(event=event, title="Print the posters", owner=speaker)
    factories.DeadlineFactory(
        event=event, due_at=dt.datetime(2025, 4, 30, 15, 59, tzinfo=dt.UTC), timezone="Asia/Taipei"
    )
    factories.DeadlineFactory(event=event, title="Internal booth form", is_public=False)
    return event


def test_event_page_shows_members_everything(member_client):
    event = _full_event()
    response = member_client.get(f"/events/{event.pk}/")
    assert response.status_code == 200
    text = response.text
    for expected in (
        "COSCUP 2025",
        "Taipei",
        "https://coscup.org/2025/",
        "KubeCon China 2025",  # either-or
        "2025-04-30 23:59 UTC+08:00",  # deadline as announced in Asia/Taipei (its "CST" is ambiguous)
        "Internal booth form",
        "Ted",
        "Robert",
        'class="badge tentative"',
        "Booth",
        "Print the posters",
        "Shared booth with ALC Taipei",
        "Decided at the June meeting",
        "Great booth traffic",
    ):
        assert expected in text, expected
    assert "robert@example.org" not in text


def test_event_page_public_view_hides_internal_things(client, db):
    event = _full_event()
    response = client.get(f"/events/{event.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "COSCUP 2025" in text
    assert "Where to meet us" in text
    assert "Talk" in text  # the secured goal
    for hidden in (
        "Shared booth with ALC Taipei",
        "Decided at the June meeting",
        "Great booth traffic",
        "Internal booth form",
        "Print the posters",
        "Ted",
        "Robert",
        "@example.org",
        "Booth",  # a goal that is only wanted
    ):
        assert hidden not in text, hidden


def test_event_page_outsider_gets_the_public_view(client, outsider):
    event = _full_event()
    client.force_login(outsider)
    response = client.get(f"/events/{event.pk}/")
    assert "Shared booth with ALC Taipei" not in response.text
    assert response.context["member_view"] is False


def test_event_page_of_a_private_event_is_not_found_for_visitors(client, member_user):
    event = factories.EventFactory(is_public=False)
    assert client.get(f"/events/{event.pk}/").status_code == 404
    client.force_login(member_user)
    assert client.get(f"/events/{event.pk}/").status_code == 200


def test_event_page_hides_private_alternatives_from_visitors(client, db):
    event = factories.EventFactory(name="Public")
    event.alternatives.add(factories.EventFactory(name="Secret alternative", is_public=False))
    response = client.get(f"/events/{event.pk}/")
    assert "Secret alternative" not in response.text


def test_event_page_unknown_event_is_not_found(member_client):
    assert member_client.get("/events/999999/").status_code == 404


def test_event_page_lists_open_action_items_first(member_client):
    event = factories.EventFactory()
    factories.ActionItemFactory(event=event, title="Finished", status=ActionItem.Status.DONE)
    factories.ActionItemFactory(event=event, title="Still open")
    response = member_client.get(f"/events/{event.pk}/")
    assert [item.title for item in response.context["page"].action_items] == [
        "Still open",
        "Finished",
    ]


def test_event_page_escapes_everything(member_client, member_user):
    event = factories.EventFactory(name=XSS, notes=XSS, review=XSS, city=XSS)
    factories.GoalFactory(event=event, details=XSS)
    factories.ActionItemFactory(event=event, title=XSS)
    factories.ParticipationFactory(event=event, member=Member.objects.get(user=member_user))
    Member.objects.filter(user=member_user).update(name_en=XSS)
    response = member_client.get(f"/events/{event.pk}/")
    assert XSS not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_event_page_with_an_out_of_range_id_is_not_found(member_client):
    assert member_client.get("/events/99999999999999999999999/").status_code == 404
    assert member_client.get("/members/99999999999999999999999/").status_code == 404


def test_the_viewers_own_row_has_a_labelled_column_and_others_none(client, member_user):
    from events.models import Participation

    event = factories.EventFactory(name="COSCUP 2026")
    factories.ParticipationFactory(
        event=event, member=member_user.member, status=Participation.Status.PROPOSED
    )
    other = factories.EventFactory(name="FOSDEM 2026")
    factories.ParticipationFactory(event=other, status=Participation.Status.CONFIRMED)
    client.force_login(member_user)
    page = client.get(f"/events/{event.pk}/", HTTP_ACCEPT_LANGUAGE="en").text
    assert "<th>Your part</th>" in page and "<th></th>" not in page
    assert "My trip" in page
    others = client.get(f"/events/{other.pk}/", HTTP_ACCEPT_LANGUAGE="en").text
    assert "Your part" not in others and "<th></th>" not in others
