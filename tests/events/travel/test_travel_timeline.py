"""Timelines of trips from a CN passport, against dates computed by hand (see the comments)."""

import datetime as dt

import pytest

from events.models import Deadline, Participation, TravelStep
from events.services import deadline_set, event_update, participation_set_status
from members.permissions import OPERATOR

from .travel_helpers import due_dates, event_in, traveller, trip

pytestmark = pytest.mark.django_db
D = dt.date
K = TravelStep.Kind


def test_timeline_cn_to_belgium_schengen_eight_weeks():
    # FOSDEM starts 2027-02-06; Schengen lead time 56 days: apply by 2026-12-12.
    participation = trip(event_in("BE"), traveller())
    assert due_dates(participation) == {
        K.CHECK_REQUIREMENT: D(2026, 11, 14),  # X − 28
        K.INVITATION_LETTER: D(2026, 11, 21),  # X − 21
        K.SUPPORT_LETTER: D(2026, 11, 28),  # X − 14
        K.BUDGET_APPROVED: D(2026, 11, 28),  # X − 14
        K.APPLY_VISA: D(2026, 12, 12),  # X
        K.BOOK_TRAVEL: D(2026, 12, 12),  # X
        K.FALLBACK_DECISION: D(2027, 1, 23),  # start − 14
    }
    apply = participation.travel_steps.get(kind=K.APPLY_VISA)
    # 23:59 in Brussels (CET, UTC+1) on the due date.
    assert apply.due_at == dt.datetime(2026, 12, 12, 22, 59, tzinfo=dt.UTC)
    assert apply.owner == TravelStep.Owner.TRAVELLER
    assert participation.travel_steps.get(kind=K.SUPPORT_LETTER).owner == TravelStep.Owner.COORDINATORS


def test_timeline_cn_to_us_sixteen_weeks():
    # PyCon US starts 2027-05-14; lead time 112 days: apply by 2027-01-22.
    participation = trip(event_in("US"), traveller())
    assert due_dates(participation) == {
        K.CHECK_REQUIREMENT: D(2026, 12, 25),
        K.INVITATION_LETTER: D(2027, 1, 1),
        K.SUPPORT_LETTER: D(2027, 1, 8),
        K.BUDGET_APPROVED: D(2027, 1, 8),
        K.APPLY_VISA: D(2027, 1, 22),
        K.BOOK_TRAVEL: D(2027, 1, 22),
        K.FALLBACK_DECISION: D(2027, 4, 30),
    }
    # 23:59 in Los Angeles (PST, UTC−8) on 2027-01-22 is 07:59 UTC the next day.
    apply = participation.travel_steps.get(kind=K.APPLY_VISA)
    assert apply.due_at == dt.datetime(2027, 1, 23, 7, 59, tzinfo=dt.UTC)


def test_timeline_cn_to_japan_e_visa_three_weeks():
    # OSS Japan starts 2027-06-10; e-visa lead time 21 days: apply by 2027-05-20.
    participation = trip(event_in("JP"), traveller())
    assert due_dates(participation) == {
        K.CHECK_REQUIREMENT: D(2027, 4, 22),
        K.INVITATION_LETTER: D(2027, 4, 29),
        K.SUPPORT_LETTER: D(2027, 5, 6),
        K.BUDGET_APPROVED: D(2027, 5, 6),
        K.APPLY_VISA: D(2027, 5, 20),
        K.BOOK_TRAVEL: D(2027, 5, 20),
        K.FALLBACK_DECISION: D(2027, 5, 27),
    }
    apply = participation.travel_steps.get(kind=K.APPLY_VISA)
    assert apply.due_at == dt.datetime(2027, 5, 20, 14, 59, tzinfo=dt.UTC)  # JST, UTC+9


def test_timeline_cn_to_taiwan_entry_permit_six_weeks():
    # COSCUP starts 2027-08-07; mainland residents need an entry permit, 42 days: by 2027-06-26.
    participation = trip(event_in("TW"), traveller())
    assert due_dates(participation) == {
        K.CHECK_REQUIREMENT: D(2027, 5, 29),
        K.INVITATION_LETTER: D(2027, 6, 5),
        K.SUPPORT_LETTER: D(2027, 6, 12),
        K.BUDGET_APPROVED: D(2027, 6, 12),
        K.APPLY_VISA: D(2027, 6, 26),
        K.BOOK_TRAVEL: D(2027, 6, 26),
        K.FALLBACK_DECISION: D(2027, 7, 24),
    }


def test_timeline_cn_to_thailand_visa_free_has_no_visa_steps():
    # FOSSASIA in Bangkok starts 2027-03-20; 60 days visa free: check, budget, booking only.
    participation = trip(event_in("TH"), traveller())
    assert due_dates(participation) == {
        K.CHECK_REQUIREMENT: D(2027, 1, 23),  # start − 56
        K.BUDGET_APPROVED: D(2027, 2, 6),  # start − 42
        K.BOOK_TRAVEL: D(2027, 2, 20),  # start − 28
    }


def test_speaker_notification_late_pushes_steps_that_need_acceptance():
    event = event_in("BE")
    # Talks are announced on 2026-11-25 (Brussels): the invitation letter (2026-11-21) waits a day.
    deadline_set(
        user=OPERATOR,
        event=event,
        kind=Deadline.Kind.SPEAKER_NOTIFICATION,
        local=dt.datetime(2026, 11, 25, 18, 0),
        zone="Europe/Brussels",
    )
    speaker = trip(event, traveller())
    attendee = trip(event, traveller(display_name="Attendee Wu"), role=Participation.Role.ATTENDEE)
    assert due_dates(speaker)[K.INVITATION_LETTER] == D(2026, 11, 26)
    assert due_dates(speaker)[K.SUPPORT_LETTER] == D(2026, 11, 28)
    assert due_dates(speaker)[K.APPLY_VISA] == D(2026, 12, 12)
    assert due_dates(attendee)[K.INVITATION_LETTER] == D(2026, 11, 21)


def test_event_without_dates_waits_for_dates():
    participation = trip(event_in("BE", start_date=None, end_date=None), traveller())
    assert due_dates(participation) == {}


def test_unknown_passport_country_asks_to_check_early():
    participation = trip(event_in("BE"), traveller(passport=""))
    assert due_dates(participation) == {
        K.CHECK_REQUIREMENT: D(2026, 9, 19),  # start − 140
        K.BUDGET_APPROVED: D(2026, 12, 26),
        K.BOOK_TRAVEL: D(2027, 1, 9),
    }


def test_declined_trip_loses_its_steps_and_moved_event_moves_them():
    event = event_in("BE")
    participation = trip(event, traveller())
    event_update(user=OPERATOR, event=event, start_date=D(2027, 2, 13), end_date=D(2027, 2, 14))
    assert due_dates(participation)[K.APPLY_VISA] == D(2026, 12, 19)
    assert due_dates(participation)[K.FALLBACK_DECISION] == D(2027, 1, 30)
    participation_set_status(user=OPERATOR, participation=participation, status=Participation.Status.DECLINED)
    assert due_dates(participation) == {}


def test_confirmed_trip_needing_a_visa_proposes_a_visa_fee_line_once():
    from budget.models import BudgetLine, Category
    from tests import factories

    factories.BudgetFactory(period_start=D(2027, 1, 1), period_end=D(2027, 12, 31))
    member = traveller()
    to_belgium = trip(event_in("BE"), member)
    to_thailand = trip(event_in("TH"), member)
    participation_set_status(user=OPERATOR, participation=to_belgium, status=Participation.Status.CONFIRMED)

    def lines(participation):
        return sorted(
            BudgetLine.objects.filter(participation=participation).values_list("category", "amount", "status")
        )

    assert lines(to_belgium) == [(Category.TRAVEL, 8800, "proposed"), (Category.VISA, 0, "proposed")]
    assert lines(to_thailand) == [(Category.TRAVEL, 8800, "proposed")]


def test_seeded_table_keeps_the_dataset_date_and_the_groups_lead_times():
    from events.models import TravelRequirement

    # 597 rows of CN, HK and TW passports, less the 3 for XK (not in the portal's country list).
    assert TravelRequirement.objects.count() == 594
    rows = {
        r.destination.code: (r.kind, r.visa_free_days, r.lead_time_days, str(r.source_date))
        for r in TravelRequirement.objects.filter(
            passport="CN", destination__in=["BE", "US", "JP", "TW", "TH"]
        )
    }
    assert rows == {
        "BE": ("visa_required", None, 56, "2025-01-12"),
        "US": ("visa_required", None, 112, "2025-01-12"),
        "JP": ("e_visa", None, 21, "2025-01-12"),
        "TW": ("entry_permit", None, 42, "2025-01-12"),
        "TH": ("visa_free", 60, 0, "2025-01-12"),
    }
