"""Telling an event's people that a tracker moved one of its deadlines: one row per change
and member (planned in the sync's transaction), sent once after the commit by e-mail and
by the member's own chat bot if they set one (their reminder channels)."""

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models.reminders import Via
from ..models.trackers import TrackerNotice
from ..reminders import channels
from ..reminders.delivery import Target, deliver
from ..reminders.messages import Message, event_portal_url, format_in_zone
from ..reminders.planning import event_recipient_ids

SEND_TASK = "events.send_tracker_notices"


def tracker_notices_plan(*, deadline, old_due_at, source_name):
    """One notice per member of the event (participants, goal owners, followers), sent
    once the transaction commits."""
    members = sorted(event_recipient_ids(event_ids=[deadline.event_id]).get(deadline.event_id, ()))
    TrackerNotice.objects.bulk_create(
        TrackerNotice(
            deadline=deadline,
            member_id=member_id,
            old_due_at=old_due_at,
            new_due_at=deadline.due_at,
            source_name=source_name,
        )
        for member_id in members
    )
    if members:
        transaction.on_commit(lambda: current_app.signature(SEND_TASK).delay())
    return len(members)


def render_notice(notice, language):
    deadline = notice.deadline
    with translation.override(language):
        what = f"{deadline.event.name} · {deadline.get_kind_display()}"
        subject = _("Deadline moved: %(what)s") % {"what": what}
        line = _("%(source)s now says %(what)s closes %(new)s (was %(old)s).") % {
            "source": notice.source_name,
            "what": what,
            "new": format_in_zone(notice.new_due_at, deadline.timezone),
            "old": format_in_zone(notice.old_due_at, deadline.timezone),
        }
        utc = _("In UTC: %(new)s (was %(old)s).") % {
            "new": f"{notice.new_due_at:%Y-%m-%d %H:%M}",
            "old": f"{notice.old_due_at:%Y-%m-%d %H:%M}",
        }
        cfp_url = deadline.url or deadline.event.cfp_url
        links = ((_("CFP link"), cfp_url),) if cfp_url else ()
        links += ((_("Portal link"), event_portal_url(deadline.event)),)
        return Message(
            language=language,
            kind="deadline_moved",
            subject=subject,
            title=subject,
            blocks=((None, (line, utc)),),
            links=tuple((str(label), url) for label, url in links),
            data={
                "type": "deadline_moved",
                "language": language,
                "deadline": deadline.pk,
                "event": {"id": deadline.event_id, "name": deadline.event.name},
                "source": notice.source_name,
                "old_due_at": f"{notice.old_due_at:%Y-%m-%dT%H:%MZ}",
                "new_due_at": f"{notice.new_due_at:%Y-%m-%dT%H:%MZ}",
                "text": f"{line}\n{utc}",
            },
        )


def tracker_notices_send(*, batch_size=200):
    """Send the pending notices, each claimed first so it goes out once. Returns (sent, failed)."""
    sent = failed = 0
    ids = list(
        TrackerNotice.objects.filter(state=TrackerNotice.State.PENDING).values_list("pk", flat=True)[
            :batch_size
        ]
    )
    rows = TrackerNotice.objects.filter(pk__in=ids).select_related(
        "deadline__event", "member__reminder_preference"
    )
    for notice in rows:
        claimed = TrackerNotice.objects.filter(pk=notice.pk, state=TrackerNotice.State.PENDING).update(
            state=TrackerNotice.State.SENT, sent_at=timezone.now()
        )
        if claimed != 1:
            continue
        member = notice.member
        message = render_notice(notice, member.preferred_language or settings.LANGUAGE_CODE)
        preference = getattr(member, "reminder_preference", None)
        targets = []
        if member.email and (preference is None or preference.by_email):
            targets.append(Target(Via.EMAIL, address=member.email))
        if preference and preference.chat_url and preference.chat_kind:
            targets.append(
                Target(preference.chat_kind, url=preference.chat_url, secret=preference.chat_secret)
            )
        try:
            for target in targets:
                deliver(message, target, now=timezone.now(), key=f"tn{notice.pk}")
            sent += 1
        except channels.DeliveryError as error:
            text = channels.redact(str(error), url=targets[-1].url, secret=targets[-1].secret)
            TrackerNotice.objects.filter(pk=notice.pk).update(
                state=TrackerNotice.State.FAILED, last_error=text[:2000]
            )
            failed += 1
    return sent, failed
