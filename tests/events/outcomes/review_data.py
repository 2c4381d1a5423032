"""A year built like the demo's 2025 (intl_portal/demo/), small enough to check by hand.

Member version, hand-checked:
- went: FOSDEM, State of Open Con, FOSSASIA, the webinar, Community Over Code Asia (confirmed,
  over), the internal meetup = 6; COSCUP (planned) not; All Things Open declined.
- talks won / wanted: FOSDEM 1/1, FOSSASIA 0/1 (declined), CoC Asia 1/1, COSCUP 0/2, internal 1/1 = 3/6
- booths: State of Open Con 1/1, CoC Asia 1/1, COSCUP 0/1 = 2/3
- people who went: 江波, Richard, 边思康, 许银, Emily, Ted, 李小明 = 7 (proposed ones do not count)
- pieces: contributions A (public), B and C (private) published in 2025, CoC Asia's press article = 4
- contacts made: FOSDEM 4, CoC Asia 1, internal 1 = 6
- spent (CNY): FOSDEM 800 EUR × 7.5 = 6000; State of Open Con 300 GBP × 9 = 2700;
  FOSSASIA 3000; CoC Asia 1500; internal 500 = 13700 (FOSDEM's 400 EUR still submitted: pending 3000)
- person-trips: 5; cost per talk 13700/3 = 4566.67, per piece 13700/4 = 3425.00,
  per contact 13700/6 = 2283.33, per person-trip 13700/5 = 2740.00
Public version: the internal meetup is out: talks 2/5, pieces 2 (A and the press article), contacts 5.
"""

import datetime as dt
from decimal import Decimal

from budget.models import Budget, Expense
from events.models import Event, EventReview, Goal, Outcome, OutcomeContact, Participation
from members.models import Contribution, ContributionPublication
from tests import factories

S, G, GS = Event.Status, Goal.Kind, Goal.Status
P, PS = Participation.Role, Participation.Status


def _event(name, start, end, country, status=S.ATTENDED, **extra):
    return factories.EventFactory(
        name=name,
        series=name.rsplit(" ", 1)[0],
        start_date=dt.date(*start),
        end_date=dt.date(*end),
        country=country,
        status=status,
        **extra,
    )


def _published(contribution, language, channel, day):
    ContributionPublication.objects.create(
        contribution=contribution,
        language=language,
        channel=channel,
        published_at=dt.datetime(*day, 12, tzinfo=dt.UTC),
    )


def build_year(extra_events=0):
    people = {
        name: factories.MemberFactory(display_name=name)
        for name in ["江波", "Richard", "边思康", "许银", "Emily", "Ted", "李小明", "姜宁"]
    }
    ev = {
        "fosdem": _event("FOSDEM 2025", (2025, 2, 1), (2025, 2, 2), "BE"),
        "sooc": _event("State of Open Con 2025", (2025, 2, 4), (2025, 2, 5), "GB"),
        "fossasia": _event("FOSSASIA 2025 Summit", (2025, 3, 13), (2025, 3, 15), "TH"),
        "webinar": _event(
            "The Global Sovereign AI Opportunity Webinar: APAC Edition",
            (2025, 4, 24),
            (2025, 4, 24),
            "",
            format=Event.Format.ONLINE,
        ),
        "coca": _event("Community Over Code Asia 2025", (2025, 7, 25), (2025, 7, 27), "CN", S.CONFIRMED),
        "coscup": _event("COSCUP 2025", (2025, 8, 9), (2025, 8, 10), "TW", S.PLANNED),
        "ato": _event(
            "All Things Open 2025",
            (2025, 10, 12),
            (2025, 10, 14),
            "US",
            S.DECLINED,
            decision_notes="看不出 CFP 是否已经过期。结论：不参加。",
        ),
        "internal": _event("Internal meetup 2025", (2025, 6, 1), (2025, 6, 1), "CN", is_public=False),
    }
    for index in range(extra_events):
        _event(f"Extra meetup {index} 2025", (2025, 5, 1 + index % 28), (2025, 5, 1 + index % 28), "JP")

    for key, name, role, status in [
        ("fosdem", "江波", P.ATTENDEE, PS.ATTENDED),
        ("fosdem", "Richard", P.ATTENDEE, PS.ATTENDED),
        ("sooc", "Richard", P.ATTENDEE, PS.ATTENDED),
        ("sooc", "边思康", P.ATTENDEE, PS.ATTENDED),
        ("fossasia", "许银", P.ATTENDEE, PS.ATTENDED),
        ("webinar", "Emily", P.ATTENDEE, PS.ATTENDED),
        ("webinar", "Richard", P.ATTENDEE, PS.ATTENDED),
        ("webinar", "边思康", P.ATTENDEE, PS.ATTENDED),
        ("coca", "Ted", P.SPEAKER, PS.CONFIRMED),
        ("coca", "Richard", P.HOST, PS.CONFIRMED),
        ("coca", "李小明", P.BOOTH_STAFF, PS.CONFIRMED),
        ("coca", "姜宁", P.ATTENDEE, PS.PROPOSED),
        ("coscup", "许银", P.SPEAKER, PS.TENTATIVE),
        ("internal", "江波", P.SPEAKER, PS.ATTENDED),
    ]:
        factories.ParticipationFactory(event=ev[key], member=people[name], role=role, status=status)

    def goal(key, kind, status, owner=None):
        return factories.GoalFactory(event=ev[key], kind=kind, status=status, owner=people.get(owner))

    goals = {
        "fosdem_talk": goal("fosdem", G.TALK, GS.DONE, "江波"),
        "fosdem_net": goal("fosdem", G.NETWORKING, GS.DONE, "Richard"),
        "sooc_booth": goal("sooc", G.BOOTH, GS.DONE, "边思康"),
        "fossasia_talk": goal("fossasia", G.TALK, GS.DECLINED, "许银"),
        "webinar_interview": goal("webinar", G.INTERVIEW, GS.DONE, "Emily"),
        "coca_talk": goal("coca", G.TALK, GS.SECURED, "Ted"),
        "coca_host": goal("coca", G.HOST, GS.SECURED, "Richard"),
        "coca_booth": goal("coca", G.BOOTH, GS.SECURED, "李小明"),
        "coca_coverage": goal("coca", G.COVERAGE, GS.DONE),
        "coca_net": goal("coca", G.NETWORKING, GS.DONE, "Ted"),
        "coscup_talk1": goal("coscup", G.TALK, GS.WANTED, "许银"),
        "coscup_talk2": goal("coscup", G.TALK, GS.WANTED, "Richard"),
        "coscup_booth": goal("coscup", G.BOOTH, GS.WANTED, "Ted"),
        "internal_talk": goal("internal", G.TALK, GS.SECURED, "江波"),
        "internal_net": goal("internal", G.NETWORKING, GS.DONE, "江波"),
    }

    accepted = Contribution.Status.ACCEPTED
    a = factories.ContributionFactory(
        member=people["Emily"],
        kind=Contribution.Kind.INTERVIEW,
        event=ev["webinar"],
        status=accepted,
        show_publicly=True,
        title_zh="主权 AI 访谈",
        title_en="Sovereign AI interview",
    )
    b = factories.ContributionFactory(member=people["Richard"], status=accepted, show_publicly=False)
    c = factories.ContributionFactory(member=people["边思康"], status=accepted, show_publicly=False)
    unaccepted = factories.ContributionFactory(member=people["边思康"])
    _published(a, "zh-hans", "wechat", (2025, 5, 1))
    _published(a, "en", "linkedin", (2025, 5, 2))
    _published(b, "en", "blog", (2025, 8, 1))
    _published(c, "zh-hans", "wechat", (2025, 9, 1))
    _published(unaccepted, "en", "x", (2025, 9, 2))
    _published(factories.ContributionFactory(status=accepted), "en", "x", (2024, 12, 31))  # last year

    talk = Outcome.objects.create(
        goal=goals["fosdem_talk"], url="https://fosdem.org/slides.pdf", audience_size=120
    )
    interview = Outcome.objects.create(goal=goals["webinar_interview"], summary="Interview")
    interview.contributions.set([a])
    Outcome.objects.create(
        goal=goals["coca_coverage"], url="https://news.example.org/coca", outlet="OSChina", language="zh-hans"
    )
    Outcome.objects.create(goal=goals["sooc_booth"], conversations=40, leads_to="openEuler")
    del talk
    for key, count in [("fosdem_net", 4), ("coca_net", 1), ("internal_net", 1)]:
        outcome = Outcome.objects.create(goal=goals[key], summary="contacts")
        for index in range(count):
            contact = factories.ContactFactory(name=f"Contact {key} {index}")
            OutcomeContact.objects.create(outcome=outcome, contact=contact, follow_up_owner=people["Ted"])

    budget = factories.BudgetFactory(
        title="2025 国际接轨组预算",
        status=Budget.Status.APPROVED,
        approved_revision=1,
        approved_total=Decimal("88000.00"),
    )
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2025, 1, 1), rate=Decimal("7.5"))
    factories.ExchangeRateFactory(currency="GBP", date=dt.date(2025, 2, 1), rate=Decimal("9"))
    E = Expense.Status

    def expense(key, name, amount, currency, day, status=E.APPROVED):
        factories.ExpenseFactory(
            budget=budget,
            event=ev[key],
            member=people[name],
            amount=Decimal(amount),
            currency=currency,
            spent_on=dt.date(*day),
            status=status,
        )

    expense("fosdem", "江波", "800", "EUR", (2025, 1, 31))
    expense("fosdem", "Richard", "400", "EUR", (2025, 1, 31), E.SUBMITTED)
    expense("sooc", "Richard", "300", "GBP", (2025, 2, 4))
    expense("fossasia", "许银", "3000", "CNY", (2025, 3, 10), E.REIMBURSED)
    expense("coca", "Ted", "1500", "CNY", (2025, 7, 20))
    expense("internal", "江波", "500", "CNY", (2025, 6, 1))
    expense("coca", "李小明", "999", "CNY", (2025, 7, 20), E.REJECTED)

    EventReview.objects.create(event=ev["fosdem"], go_again="yes", what_worked="Talk", go_again_why="Core")
    EventReview.objects.create(event=ev["sooc"], go_again="maybe", go_again_why="Budget")
    EventReview.objects.create(event=ev["fossasia"], go_again="no", go_again_why="Far")
    return ev, goals, people
