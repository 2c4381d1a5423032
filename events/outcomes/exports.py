"""The year in review as Markdown (to paste into a Feishu doc or a WeChat article) and as a
PDF for the council, written from the same YearReview the page shows, in the active
language. The PDF draws Chinese with a Noto CJK font of the system (fonts-noto-cjk)."""

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from fpdf import FPDF

from intl_portal.common.pdf_fonts import add_cjk_font

# Between a label and its value: a full-width colon in Chinese.
SEP = pgettext_lazy("label separator", ": ")

# Words the Markdown uses inside f-strings (which makemessages cannot read), marked here.
L = {
    "The year in review": gettext_lazy("The year in review"),
    "Public version: public events only, no names.": gettext_lazy(
        "Public version: public events only, no names."
    ),
    "In numbers": gettext_lazy("In numbers"),
    "Events attended": gettext_lazy("Events attended"),
    "Talks won / wanted": gettext_lazy("Talks won / wanted"),
    "Booths won / wanted": gettext_lazy("Booths won / wanted"),
    "People who went": gettext_lazy("People who went"),
    "Pieces published": gettext_lazy("Pieces published"),
    "Contacts made": gettext_lazy("Contacts made"),
    "Events by region": gettext_lazy("Events by region"),
    "cost": gettext_lazy("cost"),
    "Who went": gettext_lazy("Who went"),
    "Go again next year?": gettext_lazy("Go again next year?"),
    "Events by month": gettext_lazy("Events by month"),
    "Month": gettext_lazy("Month"),
    "Events": gettext_lazy("Events"),
    "People and roles": gettext_lazy("People and roles"),
    "Roles": gettext_lazy("Roles"),
    "Contributions published by language and channel": gettext_lazy(
        "Contributions published by language and channel"
    ),
    "Language": gettext_lazy("Language"),
    "Channel": gettext_lazy("Channel"),
    "Publications": gettext_lazy("Publications"),
    "Money": gettext_lazy("Money"),
    "Planned": gettext_lazy("Planned"),
    "Approved": gettext_lazy("Approved"),
    "Spent": gettext_lazy("Spent"),
    "Person-trips": gettext_lazy("Person-trips"),
    "Cost per talk": gettext_lazy("Cost per talk"),
    "Cost per published piece": gettext_lazy("Cost per published piece"),
    "Cost per contact": gettext_lazy("Cost per contact"),
    "Cost per person-trip": gettext_lazy("Cost per person-trip"),
    "Declined": gettext_lazy("Declined"),
}


def _money(amount, currency):
    return "—" if amount is None else f"{amount:,.2f} {currency}"


def _month(month):
    if month is None:
        return _("Date not known")
    return date_format(dt.date(2000, month, 1), "F")


def _md(text):
    """Keep text from breaking the Markdown (a line starting with #, a table's bar)."""
    return str(text).replace("|", "/").replace("\n", " ").strip()


def review_markdown(review):
    lines = [f"# {L['The year in review']} {review.year}", ""]
    if review.public:
        lines += [f"_{L['Public version: public events only, no names.']}_", ""]
    went = review.went
    lines += [
        f"## {L['In numbers']}",
        "",
        f"- {L['Events attended']}{SEP}{len(went)}",
        f"- {L['Talks won / wanted']}{SEP}{review.talks_won} / {review.talks_wanted}",
        f"- {L['Booths won / wanted']}{SEP}{review.booths_won} / {review.booths_wanted}",
        f"- {L['People who went']}{SEP}{review.person_count}",
        f"- {L['Pieces published']}{SEP}{review.pieces_published}",
        f"- {L['Contacts made']}{SEP}{review.contacts_made}",
        "",
        f"## {L['Events by region']}",
        "",
    ]
    for region, rows in review.by_region:
        lines.append(f"### {region}")
        lines.append("")
        for row in rows:
            event = row.event
            when = event.start_date.isoformat() if event.start_date else _("date not known")
            place = ", ".join(p for p in [event.city, str(event.country.name) if event.country else ""] if p)
            item = f"- {when} **{_md(event.name)}**"
            if place:
                item += f" ({_md(place)})"
            item += " — " + _("talks %(won)s/%(wanted)s, booths %(bwon)s/%(bwanted)s") % {
                "won": event.talks_won,
                "wanted": event.talks_wanted,
                "bwon": event.booths_won,
                "bwanted": event.booths_wanted,
            }
            if review.show_money and row.cost is not None:
                item += f" — {L['cost']}{SEP}{_money(row.cost, review.money.currency)}"
            lines.append(item)
            if row.people:
                people = ", ".join(f"{name} ({role})" for name, role in row.people)
                lines.append(f"  - {L['Who went']}{SEP}{_md(people)}")
            if row.review is not None:
                lines.append(f"  - {L['Go again next year?']} {row.review.get_go_again_display()}")
        lines.append("")
    lines += [f"## {L['Events by month']}", "", f"| {L['Month']} | {L['Events']} |", "| --- | ---: |"]
    lines += [f"| {_month(month)} | {count} |" for month, count in review.by_month if count]
    lines.append("")
    if review.people:
        lines += [f"## {L['People and roles']}", ""]
        lines += [f"- {_md(name)}{SEP}{_md(', '.join(roles))}" for name, roles in review.people]
        lines.append("")
    elif review.roles:
        lines += [f"## {L['Roles']}", ""]
        lines += [f"- {role}{SEP}{count}" for role, count in review.roles]
        lines.append("")
    lines += [f"## {L['Contributions published by language and channel']}", ""]
    if review.publications:
        lines += [f"| {L['Language']} | {L['Channel']} | {L['Publications']} |", "| --- | --- | ---: |"]
        lines += [f"| {language} | {channel} | {count} |" for language, channel, count in review.publications]
    else:
        lines.append(_("Nothing published."))
    lines.append("")
    if review.show_money:
        money = review.money
        currency = money.currency
        lines += [
            f"## {L['Money']}",
            "",
            f"- {L['Planned']}{SEP}{_money(money.planned, currency)}",
            f"- {L['Approved']}{SEP}{_money(money.approved_budget, currency)}",
            f"- {L['Spent']}{SEP}{_money(money.spent, currency)}",
            f"- {L['Person-trips']}{SEP}{money.person_trips}",
            f"- {L['Cost per talk']}{SEP}{_money(review.cost_per_talk, currency)}",
            f"- {L['Cost per published piece']}{SEP}{_money(review.cost_per_piece, currency)}",
            f"- {L['Cost per contact']}{SEP}{_money(review.cost_per_contact, currency)}",
            f"- {L['Cost per person-trip']}{SEP}{_money(review.cost_per_person_trip, currency)}",
            "",
        ]
    lines += [f"## {L['Declined']}", ""]
    for row in review.declined:
        item = f"- **{_md(row.event.name)}**"
        if not review.public and row.event.decision_notes:
            item += f"{SEP}{_md(row.event.decision_notes)}"
        lines.append(item)
    if not review.declined:
        lines.append(_("Nothing declined."))
    lines.append("")
    return "\n".join(lines)


def review_pdf(review):
    """The Markdown drawn as a plain PDF (headings, lists, tables as lines). Returns bytes."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    font = add_cjk_font(pdf)
    family = "cjk" if font else "helvetica"
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for line in review_markdown(review).splitlines():
        if not font:
            line = line.encode("latin-1", "replace").decode("latin-1")
        text = line.replace("**", "")
        if text.startswith("|") and set(text) <= set("|-: "):
            continue
        size = 10
        for prefix, heading in (("### ", 12), ("## ", 14), ("# ", 18)):
            if text.startswith(prefix):
                text, size = text[len(prefix) :], heading
                break
        if text.startswith("|"):
            text = "   ".join(cell.strip() for cell in text.strip("|").split("|"))
        pdf.set_font(family, size=size)
        if not text.strip():
            pdf.ln(3)
            continue
        pdf.multi_cell(width, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
