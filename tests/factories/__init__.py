"""Test factories, one module per app (members, events, budget, program).

Tests import them from here: `from tests import factories`."""

from .budget import (
    BudgetFactory,
    BudgetLineFactory,
    ExchangeRateFactory,
    ExpenseFactory,
)
from .events import (
    ActionItemFactory,
    CalendarFeedFactory,
    ContactFactory,
    DeadlineFactory,
    EventFactory,
    EventReviewFactory,
    GoalFactory,
    IdeaFactory,
    OutcomeFactory,
    ParticipationFactory,
    ReminderChannelFactory,
    ReminderPreferenceFactory,
    TagFactory,
)
from .members import (
    MemberFactory,
    RoleAssignmentFactory,
    RoleFactory,
    UserFactory,
)
from .program import (
    ContributionFactory,
    EnrolmentFactory,
    PointRuleFactory,
    RewardFactory,
    StockLocationFactory,
    SwagItemFactory,
    SwagRequestFactory,
    SwagRequestLineFactory,
    SwagVariantFactory,
)

__all__ = [
    "ActionItemFactory",
    "BudgetFactory",
    "BudgetLineFactory",
    "CalendarFeedFactory",
    "ContactFactory",
    "ContributionFactory",
    "DeadlineFactory",
    "EnrolmentFactory",
    "EventFactory",
    "EventReviewFactory",
    "ExchangeRateFactory",
    "ExpenseFactory",
    "GoalFactory",
    "IdeaFactory",
    "MemberFactory",
    "OutcomeFactory",
    "ParticipationFactory",
    "PointRuleFactory",
    "ReminderChannelFactory",
    "ReminderPreferenceFactory",
    "RewardFactory",
    "RoleAssignmentFactory",
    "RoleFactory",
    "StockLocationFactory",
    "SwagItemFactory",
    "SwagRequestFactory",
    "SwagRequestLineFactory",
    "SwagVariantFactory",
    "TagFactory",
    "UserFactory",
]
