"""Two notes the portal wrote in the acting coordinator's language now come from the rows
they describe, in the reader's language: take the written ones out of the free text.

- Merging a proposal appended "Proposed again by NAME: REASON" to the kept event's internal
  notes; the event's page now lists its merged proposals.
- Adopting a tracker's conference noted "From SOURCE: RULE" on each deadline it created; the
  deadline's tracker link now says it wherever the deadline is shown.
"""

import re

from django.db import migrations

PROPOSED_AGAIN = ["Proposed again by {name}: {reason}", "{name} 再次提议：{reason}"]
FROM_SOURCE = re.compile(r"\A(?:From .+?: |来自 .+?：)[^\n]*\Z")


def clear_proposed_again(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    merged = Event.objects.filter(merged_into__isnull=False).exclude(proposal_reason="")
    original, notes = {}, {}  # the kept event's pk -> its notes, before and after
    for proposal in merged.select_related("proposed_by", "merged_into").order_by("pk"):
        target = proposal.merged_into
        original.setdefault(target.pk, target.notes)
        text = notes.get(target.pk, target.notes)
        name = proposal.proposed_by.display_name if proposal.proposed_by else "?"
        for pattern in PROPOSED_AGAIN:
            line = pattern.format(name=name, reason=proposal.proposal_reason)
            text = text.replace(f"\n\n{line}", "").replace(line, "")
        notes[target.pk] = text
    for pk, text in notes.items():
        if text != original[pk]:
            Event.objects.filter(pk=pk).update(notes=text.strip())


def clear_from_source(apps, schema_editor):
    Deadline = apps.get_model("events", "Deadline")
    for deadline in Deadline.objects.filter(tracker_link__isnull=False).exclude(note=""):
        if FROM_SOURCE.match(deadline.note):
            Deadline.objects.filter(pk=deadline.pk).update(note="")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0019_chinese_words_not_codes"),
    ]

    operations = [
        migrations.RunPython(clear_proposed_again, migrations.RunPython.noop),
        migrations.RunPython(clear_from_source, migrations.RunPython.noop),
    ]
