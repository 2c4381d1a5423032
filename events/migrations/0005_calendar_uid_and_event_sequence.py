"""Stored calendar UIDs and the events' SEQUENCE.

Existing rows keep the UID the feeds gave them until now (`deadline-<pk>@<host>`, the host
of PORTAL_BASE_URL), so no subscriber sees an entry doubled; new rows get a random one
(events.models.calendar_uid.new_calendar_uid)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations, models

import events.models.calendar_uid


def keep_published_uids(apps, schema_editor):
    host = urlsplit(settings.PORTAL_BASE_URL).hostname or "intl-portal.invalid"
    for model_name, prefix in (("Event", "event"), ("Deadline", "deadline")):
        model = apps.get_model("events", model_name)
        rows = list(model.objects.only("pk"))
        for row in rows:
            row.ical_uid = f"{prefix}-{row.pk}@{host}"
        model.objects.bulk_update(rows, ["ical_uid"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_calendar_feeds"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="sequence",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="revision"),
        ),
        migrations.AddField(
            model_name="deadline",
            name="ical_uid",
            field=models.CharField(editable=False, max_length=255, null=True, verbose_name="calendar UID"),
        ),
        migrations.AddField(
            model_name="event",
            name="ical_uid",
            field=models.CharField(editable=False, max_length=255, null=True, verbose_name="calendar UID"),
        ),
        migrations.RunPython(keep_published_uids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="deadline",
            name="ical_uid",
            field=models.CharField(
                default=events.models.calendar_uid.new_calendar_uid,
                editable=False,
                max_length=255,
                unique=True,
                verbose_name="calendar UID",
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="ical_uid",
            field=models.CharField(
                default=events.models.calendar_uid.new_calendar_uid,
                editable=False,
                max_length=255,
                unique=True,
                verbose_name="calendar UID",
            ),
        ),
    ]
