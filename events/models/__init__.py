from .date_change import DateChangeRequest
from .deadline import Deadline
from .dispatch_state import ChannelPace, DispatchHeartbeat
from .event import Event, Tag
from .feeds import CalendarFeed, CalendarRevision
from .outcome import EventReview, Outcome, OutcomeContact
from .participation import Goal, Participation
from .reminder_settings import ReminderChannel, ReminderDefaults, ReminderPreference
from .reminders import Reminder
from .trackers import (
    DeadlineLink,
    DiscoveredDeadline,
    DiscoveredEntry,
    EntryListing,
    TrackerNotice,
    TrackerRun,
    TrackerSource,
)
from .travel import SupportLetter, SupportLetterTemplate, TravelRequirement, TravelStep
from .work import ActionItem, Contact, EventComment, Idea, IdeaSupport

__all__ = [
    "ActionItem",
    "CalendarFeed",
    "CalendarRevision",
    "ChannelPace",
    "Contact",
    "DateChangeRequest",
    "Deadline",
    "DeadlineLink",
    "DiscoveredDeadline",
    "DiscoveredEntry",
    "DispatchHeartbeat",
    "EntryListing",
    "Event",
    "EventComment",
    "EventReview",
    "Goal",
    "Idea",
    "IdeaSupport",
    "Outcome",
    "OutcomeContact",
    "Participation",
    "Reminder",
    "ReminderChannel",
    "ReminderDefaults",
    "ReminderPreference",
    "SupportLetter",
    "SupportLetterTemplate",
    "Tag",
    "TrackerNotice",
    "TrackerRun",
    "TrackerSource",
    "TravelRequirement",
    "TravelStep",
]
