"""The requirement table from the Passport Index snapshot (events/travel/seed.py) and the
support letter's first templates, which coordinators then edit."""

from django.db import migrations

from events.travel.seed import requirement_rows

EN_BODY = (
    "To whom it may concern,\n"
    "\n"
    "{organisation} confirms that {traveller}, holder of passport {passport_number} "
    "({passport_country}), is a member of our community and will take part in {event} in "
    "{city}, {country}, from {start_date} to {end_date} as {role}.\n"
    "\n"
    "The trip is part of our community's international outreach. We support the application "
    "and confirm that the costs of the trip are covered by our travel budget. "
    "{traveller} will return after the event.\n"
    "\n"
    "Please contact us with any question, quoting the reference {reference}."
)
ZH_BODY = (
    "敬启者：\n"
    "\n"
    "{organisation}确认，{traveller}（护照号码：{passport_number}，签发国家或地区：{passport_country}）"
    "是本社区成员，将于{start_date}至{end_date}以{role}身份参加在{country}{city}举行的{event}。\n"
    "\n"
    "此行是本社区国际交流工作的一部分。我们支持其签证申请，并确认此行费用由本社区差旅预算承担。"
    "{traveller}将于活动结束后按期返回。\n"
    "\n"
    "如有疑问，请与我们联系，并注明编号{reference}。"
)


def seed(apps, schema_editor):
    TravelRequirement = apps.get_model("events", "TravelRequirement")
    SupportLetterTemplate = apps.get_model("events", "SupportLetterTemplate")
    existing = set(TravelRequirement.objects.values_list("passport", "destination"))
    TravelRequirement.objects.bulk_create(
        TravelRequirement(**row)
        for row in requirement_rows()
        if (row["passport"], row["destination"]) not in existing
    )
    if not SupportLetterTemplate.objects.filter(language="en").exists():
        SupportLetterTemplate.objects.create(
            language="en",
            organisation="Open Source Community · International Outreach Working Group",
            title="Letter of support",
            body=EN_BODY,
            signer_name="Coordinator of the International Outreach Working Group",
            signer_title="International Outreach Working Group",
        )
    if not SupportLetterTemplate.objects.filter(language="zh-hans").exists():
        SupportLetterTemplate.objects.create(
            language="zh-hans",
            organisation="开源社区 · 国际接轨组",
            title="支持函",
            body=ZH_BODY,
            signer_name="国际接轨组协调人",
            signer_title="国际接轨组",
        )


class Migration(migrations.Migration):
    dependencies = [("events", "0011_travel_readiness")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
