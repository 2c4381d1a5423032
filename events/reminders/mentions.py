"""@mentions in comments: the notification to each member a comment names, through the
member's own reminder means (e-mail unless they turned it off, and their personal chat bot
if they set one), in their language.

The comment services call `mentions_plan` inside their transaction with the members the
comment names now; a row is due at once and the dispatch pass sends it like any other
outbox row. Rows are unique per comment, member and means, so an edit that adds a name
notifies only the newly named, and one that removes a name and puts it back sends nothing
again. The author is never notified of their own comment, nor is an inactive member.

A member who muted the event is still told: the mute silences the event's deadline
reminders, while a mention is a colleague asking them by name (as a code host still tells
someone who unsubscribed from a thread when they are @mentioned).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.models import Member

from ..models.reminder_settings import ReminderPreference
from ..models.reminders import Reminder, Via
from .messages import Message, format_in_zone

# How much of the comment the message quotes.
QUOTE_LIMIT = 500


def mention_label(comment):
    with translation.override("en"):
        author = comment.author.display_name if comment.author_id else "?"
        return f"Mention by {author} · {comment.event.name}"[:300]


def _member_vias(preference):
    vias = []
    if preference is None or preference.by_email:
        vias.append(Via.EMAIL)  # the address is looked up when sending
    if preference is not None and preference.chat_kind and preference.chat_url:
        vias.append(preference.chat_kind)
    return vias


def mentions_plan(*, comment, member_ids, now=None):
    """Create the outbox rows that tell each of `member_ids` (the members the comment names)
    that it mentions them, except those who already have theirs. Returns how many were
    created. Four queries whatever the number of names."""
    now = now or timezone.now()
    ids = {pk for pk in member_ids if pk != comment.author_id}
    if not ids:
        return 0
    active = set(Member.objects.filter(pk__in=ids, active=True).values_list("pk", flat=True))
    if not active:
        return 0
    preferences = {pref.member_id: pref for pref in ReminderPreference.objects.filter(member_id__in=active)}
    existing = set(
        Reminder.objects.filter(kind=Reminder.Kind.MENTION, comment=comment).values_list("member_id", "via")
    )
    label = mention_label(comment)
    rows = [
        Reminder(
            kind=Reminder.Kind.MENTION,
            comment=comment,
            member_id=member_id,
            via=via,
            send_at=now,
            not_before=now,
            label=label,
        )
        for member_id in sorted(active)
        for via in _member_vias(preferences.get(member_id))
        if (member_id, via) not in existing
    ]
    # A concurrent edit of the same comment may have made some of them meanwhile.
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def mentions_cancel_for_comment(*, comment_id):
    """Nothing more to send for a comment that is being removed."""
    return Reminder.objects.filter(
        state=Reminder.State.PENDING, kind=Reminder.Kind.MENTION, comment_id=comment_id
    ).update(state=Reminder.State.CANCELLED, last_error="comment removed", updated_at=timezone.now())


def comments_url(comment):
    path = reverse("events:event_comments", args=[comment.event_id])
    return f"{settings.PORTAL_BASE_URL}{path}#comment-{comment.pk}"


def quoted(text, limit=QUOTE_LIMIT):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_mention_message(*, comment, language, zone="Asia/Shanghai"):
    """The message telling a member that `comment` mentions them, in `language`."""
    event = comment.event
    author = comment.author
    with translation.override(language):
        who = author.localized_name if author is not None else _("someone")
        title = _("%(author)s mentioned you on %(event)s") % {"author": who, "event": event.name}
        fields = (
            (str(_("Event")), event.name),
            (str(_("Mentioned by")), str(who)),
            (str(_("Comment written")), format_in_zone(comment.created_at, zone)),
        )
        quote = quoted(comment.text)
        link = comments_url(comment)
        links = ((str(_("Comments")), link),)
        subject = "[intl_portal] " + title
    return Message(
        language=language,
        kind="mention",
        subject=subject,
        title=title,
        fields=fields,
        blocks=((None, (quote,)),),
        links=links,
        preferences_url=settings.PORTAL_BASE_URL + reverse("my_reminders"),
        data={
            "type": "mention",
            "language": language,
            "subject": subject,
            "event": {"id": event.pk, "name": event.name},
            "comment": {"id": comment.pk, "text": quote, "author": str(who)},
            "portal_url": link,
        },
    )
