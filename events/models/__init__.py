from .deadline import Deadline
from .event import Event, Tag
from .feeds import CalendarFeed, CalendarRevision
from .participation import Goal, Participation
from .reminders import (
    ChannelPace,
    DispatchHeartbeat,
    Reminder,
    ReminderChannel,
    ReminderDefaults,
    ReminderPreference,
)
from .work import ActionItem, Contact, EventComment, Idea, IdeaSupport

__all__ = [
    "ActionItem",
    "CalendarFeed",
    "CalendarRevision",
    "ChannelPace",
    "Contact",
    "Deadline",
    "DispatchHeartbeat",
    "Event",
    "EventComment",
    "Goal",
    "Idea",
    "IdeaSupport",
    "Participation",
    "Reminder",
    "ReminderChannel",
    "ReminderDefaults",
    "ReminderPreference",
    "Tag",
]
