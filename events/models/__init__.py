from .deadline import Deadline
from .event import Event, Tag
from .feeds import CalendarFeed, CalendarRevision
from .participation import Goal, Participation
from .reminders import DispatchHeartbeat, Reminder, ReminderChannel, ReminderDefaults, ReminderPreference
from .travel import SupportLetter, SupportLetterTemplate, TravelRequirement, TravelStep
from .work import ActionItem, Contact, Idea

__all__ = [
    "ActionItem",
    "CalendarFeed",
    "CalendarRevision",
    "Contact",
    "Deadline",
    "DispatchHeartbeat",
    "Event",
    "Goal",
    "Idea",
    "Participation",
    "Reminder",
    "ReminderChannel",
    "ReminderDefaults",
    "ReminderPreference",
    "SupportLetter",
    "SupportLetterTemplate",
    "Tag",
    "TravelRequirement",
    "TravelStep",
]
