"""Comments on an event, with @mentions, and members' +1 on ideas."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.records import require, save_clean
from members.models import Member
from members.permissions import (
    can_comment,
    can_edit_comment,
    can_remove_comment,
    can_support_idea,
    member_of,
)

from ..models import EventComment, IdeaSupport
from ..reminders.mentions import mentions_cancel_for_comment, mentions_plan

MENTION = re.compile(r"@(\S+)")


def mentioned_members(text):
    """Active members named in `text` as @display name (the longest name that matches, so
    "@Member Li" finds "Member Li" before "Member"); one query."""
    if "@" not in text:
        return []
    names = sorted(
        Member.objects.filter(active=True).values_list("pk", "display_name"), key=lambda row: -len(row[1])
    )
    found = []
    for start in (match.start() for match in MENTION.finditer(text)):
        tail = text[start + 1 :]
        for pk, name in names:
            if tail.lower().startswith(name.lower()) and pk not in found:
                found.append(pk)
                break
    return found


def _clean_text(text):
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write something first.")})
    return text


def _record_mentions(comment):
    """Record whom the comment names and tell them (reminders.mentions: once per comment
    and member, not the author, through each one's own reminder means)."""
    named = mentioned_members(comment.text)
    comment.mentioned.set(named)
    mentions_plan(comment=comment, member_ids=named)


@transaction.atomic
def comment_post(*, user, event, text):
    """A member comments on an event; the members it @mentions are recorded on it and
    notified."""
    require(can_comment(user), _("Only members may comment."))
    comment = save_clean(EventComment(event=event, author=member_of(user), text=_clean_text(text)))
    _record_mentions(comment)
    return comment


@transaction.atomic
def comment_edit(*, user, comment, text, now=None):
    """The author changes their comment within its edit window."""
    now = now or timezone.now()
    if not can_edit_comment(user, comment, now):
        raise PermissionDenied(
            _("Only the author may edit a comment, and only for a while after writing it.")
        )
    comment.text = _clean_text(text)
    comment.edited_at = now
    save_clean(comment)
    _record_mentions(comment)  # only the newly named hear of it
    return comment


@transaction.atomic
def comment_remove(*, user, comment):
    require(can_remove_comment(user, comment), _("Only coordinators may remove comments."))
    mentions_cancel_for_comment(comment_id=comment.pk)
    comment.delete()


@transaction.atomic
def idea_support(*, user, idea):
    """+1 on someone else's idea, once."""
    if not can_support_idea(user, idea):
        raise PermissionDenied(_("Members support other people's ideas, not their own."))
    member = member_of(user)
    if IdeaSupport.objects.filter(idea=idea, member=member).exists():
        raise ValidationError(_("You already support this idea."))
    return save_clean(IdeaSupport(idea=idea, member=member), conflict=_("You already support this idea."))


@transaction.atomic
def idea_unsupport(*, user, idea):
    """Take one's +1 back (nothing to take back is no error)."""
    member = member_of(user)
    if member is None:
        raise PermissionDenied(_("Only members may support ideas."))
    IdeaSupport.objects.filter(idea=idea, member=member).delete()
