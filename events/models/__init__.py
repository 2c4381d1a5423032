from .deadline import Deadline
from .event import Event, Tag
from .feeds import CalendarFeed, CalendarRevision
from .outcome import EventReview, Outcome, OutcomeContact
from .participation import Goal, Participation
from .reminders import (
    ChannelPace,
    DispatchHeartbeat,
    Reminder,
    ReminderChannel,
    ReminderDefaults,
    ReminderPreference,
)
from .work import ActionItem, Contact, Idea

__all__ = [
    "ActionItem",
    "CalendarFeed",
    "CalendarRevision",
    "ChannelPace",
    "Contact",
    "Deadline",
    "DispatchHeartbeat",
    "Event",
    "EventReview",
    "Goal",
    "Idea",
    "Outcome",
    "OutcomeContact",
    "Participation",
    "Reminder",
    "ReminderChannel",
    "ReminderDefaults",
    "ReminderPreference",
    "Tag",
]
