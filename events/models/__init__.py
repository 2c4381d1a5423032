from .deadline import Deadline
from .event import Event, Tag
from .participation import Goal, Participation
from .work import ActionItem, Contact, Idea

__all__ = [
    "ActionItem",
    "Contact",
    "Deadline",
    "Event",
    "Goal",
    "Idea",
    "Participation",
    "Tag",
]
