import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from budget.models import Budget, BudgetLine, Category, ExchangeRate, Expense
from events.models import ActionItem, Contact, Deadline, Event, Goal, Idea, Participation, Tag
from events.models.feeds import CalendarFeed
from members.models import (
    Contribution,
    Enrolment,
    Member,
    Reward,
    Role,
    RoleAssignment,
    SwagRequestLine,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("password")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    display_name = factory.Sequence(lambda n: f"Member {n}")
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    preferred_language = Member.Language.ENGLISH


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"role-{n}")
    name_en = factory.Sequence(lambda n: f"Role {n}")


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    member = factory.SubFactory(MemberFactory)
    role = factory.SubFactory(RoleFactory)
    term_start = dt.date(2025, 1, 1)


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"tag-{n}")
    name_en = factory.LazyAttribute(lambda tag: tag.slug.title())


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Open Source Conference {n}")
    series = "Open Source Conference"
    edition_year = 2025
    start_date = dt.date(2025, 9, 13)
    end_date = dt.date(2025, 9, 14)
    timezone = "Asia/Shanghai"
    city = "Hangzhou"
    country = "CN"
    status = Event.Status.PLANNED


class DeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deadline

    event = factory.SubFactory(EventFactory)
    kind = Deadline.Kind.CFP_CLOSE
    due_at = dt.datetime(2025, 7, 14, 15, 59, tzinfo=dt.UTC)
    timezone = "UTC"


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    event = factory.SubFactory(EventFactory)
    kind = Goal.Kind.TALK


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    member = factory.SubFactory(MemberFactory)
    role = Participation.Role.ATTENDEE
    status = Participation.Status.CONFIRMED


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    title = factory.Sequence(lambda n: f"Action {n}")


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    title = factory.Sequence(lambda n: f"Idea {n}")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    name = factory.Sequence(lambda n: f"Contact {n}")
    organization = "Example Foundation"


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    title = factory.Sequence(lambda n: f"Budget {n}")
    period_start = dt.date(2025, 1, 1)
    period_end = dt.date(2025, 12, 31)
    currency = "CNY"
    total = Decimal("88000.00")
    planned_person_trips = 10


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    budget = factory.SubFactory(BudgetFactory)
    category = Category.TRAVEL
    amount = Decimal("8800.00")
    currency = "CNY"
    person_trips = 1


class ExpenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expense

    budget = factory.SubFactory(BudgetFactory)
    member = factory.SubFactory(MemberFactory)
    category = Category.TRAVEL
    description = "Flight"
    amount = Decimal("3200.00")
    currency = "CNY"
    spent_on = dt.date(2025, 7, 20)


class ExchangeRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExchangeRate

    currency = "JPY"
    quote_currency = "CNY"
    date = dt.date(2025, 12, 1)
    rate = Decimal("0.04700000")


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    member = factory.SubFactory(MemberFactory)
    track = "translator"


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    member = factory.SubFactory(MemberFactory)
    kind = Contribution.Kind.TRANSLATED_ARTICLE
    title_en = factory.Sequence(lambda n: f"Article {n}")


class PointRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.PointRule"
        django_get_or_create = ("kind",)

    kind = Contribution.Kind.TRANSLATED_ARTICLE
    points = 10


class SwagItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.SwagItem"
        django_get_or_create = ("name_en",)

    name_en = factory.Sequence(lambda n: f"T-shirt {n}")
    name_zh = "T恤"


class SwagVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.SwagVariant"

    item = factory.SubFactory(SwagItemFactory)
    label = factory.Sequence(lambda n: f"L{n}")


class StockLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.StockLocation"

    name = factory.Sequence(lambda n: f"Store room {n}")


class SwagRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.SwagRequest"

    requested_by = factory.SubFactory(MemberFactory)
    recipient_name = "Li Lei"
    address = "Room 101, 1 Example Road, Beijing"
    reason = "reward"


class ReminderChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.ReminderChannel"

    name = factory.Sequence(lambda n: f"Group channel {n}")
    kind = "webhook"
    url = "http://127.0.0.1:9/hook"
    language = "en"


class ReminderPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.ReminderPreference"
        django_get_or_create = ("member",)

    member = factory.SubFactory(MemberFactory)


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    member = factory.SubFactory(MemberFactory)
    token = factory.Sequence(lambda n: f"test-feed-token-{n:06d}-abcdefghijklmnop")
    token_created_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC))


class SwagRequestLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwagRequestLine

    request = factory.SubFactory(SwagRequestFactory)
    variant = factory.SubFactory(SwagVariantFactory)
    quantity = 1


class RewardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reward

    member = factory.SubFactory(MemberFactory)
    kind = Reward.Kind.HONOUR
    title = factory.Sequence(lambda n: f"Translator of the month {n}")
