"""What became of what a member asked the coordinators for (their plan): the events they
proposed, their ideas, their requests for an event's other dates, in one query. The
coordinators' side, the triage queue, is in events.worklists."""

from django.db import models
from django.db.models import F, Value

from ..models import DateChangeRequest, Event, Idea

_REQUEST_COLUMNS = (
    "r_kind",
    "r_id",
    "r_title",
    "r_status",
    "r_answer",
    "r_link_id",
    "r_link_name",
    "r_precision",
    "r_start",
    "r_end",
    "r_year",
    "r_month",
    "r_quarter",
    "r_created",
)


def _columns(queryset, kind, *, dated, **columns):
    """The same columns, in the same order, from each table of member_requests' union
    (`dated`: the rows carry date fields like an event's)."""
    if dated:
        columns |= {
            "r_precision": F("date_precision"),
            "r_start": F("start_date"),
            "r_end": F("end_date"),
            "r_year": F("approx_year"),
            "r_month": F("approx_month"),
            "r_quarter": F("approx_quarter"),
        }
    else:
        no_date = Value(None, output_field=models.DateField())
        no_number = Value(None, output_field=models.IntegerField())
        columns |= {
            "r_precision": Value("", output_field=models.CharField()),
            "r_start": no_date,
            "r_end": no_date,
            "r_year": no_number,
            "r_month": no_number,
            "r_quarter": no_number,
        }
    columns |= {"r_kind": Value(kind, output_field=models.CharField()), "r_id": F("pk")}
    annotated = queryset.order_by().annotate(**{name: columns[name] for name in _REQUEST_COLUMNS})
    return annotated.values_list(*_REQUEST_COLUMNS)


def member_requests(*, member):
    """What a member asked the coordinators for, and what became of it: the events they
    proposed, their ideas, their requests for other dates; newest first, in ONE query (a
    union), as unsaved model instances that the pages show like stored ones."""
    proposals = _columns(
        Event.objects.filter(proposed_by=member),
        "event",
        dated=True,
        r_title=F("name"),
        r_status=F("status"),
        r_answer=F("triage_reason"),
        r_link_id=F("merged_into_id"),
        r_link_name=F("merged_into__name"),
        r_created=F("created_at"),
    )
    ideas = _columns(
        Idea.objects.filter(proposer=member),
        "idea",
        dated=False,
        r_title=F("title"),
        r_status=F("status"),
        r_answer=F("triage_reason"),
        r_link_id=F("event_id"),
        r_link_name=F("event__name"),
        r_created=F("created_at"),
    )
    date_changes = _columns(
        DateChangeRequest.objects.filter(requested_by=member),
        "dates",
        dated=True,
        r_title=F("event__name"),
        r_status=F("status"),
        r_answer=F("answer"),
        r_link_id=F("event_id"),
        r_link_name=F("event__name"),
        r_created=F("created_at"),
    )
    found = {"event": [], "idea": [], "dates": []}
    for row in proposals.union(ideas, date_changes, all=True).order_by("-r_created", "-r_id"):
        values = dict(zip(_REQUEST_COLUMNS, row, strict=True))
        found[values["r_kind"]].append(_request_instance(values))
    return found["event"], found["idea"], found["dates"]


def _request_instance(values):
    dates = {
        "date_precision": values["r_precision"] or Event.DatePrecision.EXACT,
        "start_date": values["r_start"],
        "end_date": values["r_end"],
        "approx_year": values["r_year"],
        "approx_month": values["r_month"],
        "approx_quarter": values["r_quarter"],
    }
    link = Event(pk=values["r_link_id"], name=values["r_link_name"]) if values["r_link_id"] else None
    common = {"pk": values["r_id"], "status": values["r_status"], "created_at": values["r_created"]}
    if values["r_kind"] == "event":
        return Event(
            name=values["r_title"], triage_reason=values["r_answer"], merged_into=link, **dates, **common
        )
    if values["r_kind"] == "idea":
        return Idea(title=values["r_title"], triage_reason=values["r_answer"], event=link, **common)
    return DateChangeRequest(event=link, answer=values["r_answer"], **dates, **common)
