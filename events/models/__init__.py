from .deadline import Deadline
from .event import Event, Tag
from .feeds import CalendarFeed, CalendarRevision
from .participation import Goal, Participation
from .work import ActionItem, Contact, Idea

__all__ = [
    "ActionItem",
    "CalendarFeed",
    "CalendarRevision",
    "Contact",
    "Deadline",
    "Event",
    "Goal",
    "Idea",
    "Participation",
    "Tag",
]
