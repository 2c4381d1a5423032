"""Calendar feeds over HTTP: the public CFP and events feeds, a member's personal feed,
and the page where a member copies, regenerates and configures their feed's address."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from intl_portal.common.forms import add_refusal
from members.permissions import member_of

from ..models.feeds import DEFAULT_ALARM_MINUTES
from . import assembly, selectors, services
from .forms import CalendarFeedForm
from .ical import FeedWriter, calendar_head

MAX_AGE = 3600  # clients may poll hourly; REFRESH-INTERVAL says the same inside the feed

CFP_NAME = gettext_lazy("CFP deadlines · International outreach")
CFP_DESCRIPTION = gettext_lazy("Deadlines of the conferences the working group follows.")
EVENTS_NAME = gettext_lazy("Conferences · International outreach")
EVENTS_DESCRIPTION = gettext_lazy("Conferences the working group follows, as all-day events.")
PERSONAL_NAME = gettext_lazy("My deadlines · International outreach")
PERSONAL_DESCRIPTION = gettext_lazy("Personal feed of %(name)s.")


def content_language(language):
    """The HTTP language tag of a portal language code ("zh-hans" → "zh-Hans")."""
    head, _sep, rest = language.partition("-")
    return f"{head}-{rest.title()}" if len(rest) == 4 else language


class CalendarResponse(HttpResponse):
    """An iCalendar response with the validators and the caching a subscriber needs."""

    def __init__(self, content=b"", *, etag, last_modified, filename, language, private=False, **kwargs):
        super().__init__(content, content_type="text/calendar; charset=utf-8", **kwargs)
        self["ETag"] = etag
        self["Last-Modified"] = http_date(last_modified.timestamp())
        self["Cache-Control"] = f"{'private' if private else 'public'}, max-age={MAX_AGE}"
        self["Content-Disposition"] = f'inline; filename="{filename}"'
        self["Content-Language"] = content_language(language)
        if private:
            self["X-Robots-Tag"] = "noindex, nofollow"


def _bad_request(error):
    return HttpResponseBadRequest(" ".join(error.messages) + "\n", content_type="text/plain; charset=utf-8")


def _serve(
    request,
    *,
    filename,
    language,
    parts,
    now,
    name,
    description="",
    deadlines=None,
    events=None,
    alarm_minutes=DEFAULT_ALARM_MINUTES,
    mark_private=False,
):
    """Answer 304 from the feed's state alone, else the body (built once per change)."""
    alarm_minutes = tuple(alarm_minutes)
    parts = [filename, language, *parts, alarm_minutes, mark_private, settings.PORTAL_BASE_URL]
    state = selectors.feed_state(parts=parts, now=now, deadlines=deadlines, events=events)
    if state is None:  # the feeds' revision has never started (rows made by bulk_create only)
        services.calendar_revision_touch()
        state = selectors.feed_state(parts=parts, now=now, deadlines=deadlines, events=events)
    response = CalendarResponse(
        etag=state.etag,
        last_modified=state.last_modified,
        filename=filename,
        language=language,
        private=mark_private,
    )
    conditional = get_conditional_response(
        request,
        etag=state.etag,
        last_modified=int(state.last_modified.timestamp()),
        response=response,
    )
    if conditional is not response:  # 304 Not Modified (or 412 for If-Match)
        return conditional
    variant = "|".join(map(str, [selectors.FEED_FORMAT_VERSION, *parts]))

    def build():
        with translation.override(language):
            head = calendar_head(name=str(name), description=str(description))
        writer = FeedWriter(language=language, alarm_minutes=alarm_minutes, mark_private=mark_private)
        return assembly.build_body(
            variant=variant, head=head, writer=writer, now=now, deadlines=deadlines, events=events
        )

    response.content = assembly.feed_body(
        body_key=f"ical:body:{state.etag.strip(chr(34))}", variant=variant, build=build
    )
    return response


def _public_feed(request, *, filename, name, description, source):
    """A public feed: its filters from the query string (400 for unknown values), then
    `source(filters)` gives the rows (deadlines= or events=) to serve."""
    try:
        filters = selectors.feed_filters_from_params(params=request.GET)
    except ValidationError as error:
        return _bad_request(error)
    now = timezone.now()
    return _serve(
        request,
        filename=filename,
        language=filters.language or settings.LANGUAGE_CODE,
        parts=[filters.key()],
        now=now,
        name=name,
        description=description,
        **source(filters, now),
    )


@require_safe
def cfp_feed(request):
    """Every deadline of public events, past ones included."""
    return _public_feed(
        request,
        filename="cfp.ics",
        name=CFP_NAME,
        description=CFP_DESCRIPTION,
        source=lambda filters, now: {"deadlines": selectors.feed_deadlines(filters=filters, now=now)},
    )


@require_safe
def events_feed(request):
    """Public events as all-day entries."""
    return _public_feed(
        request,
        filename="events.ics",
        name=EVENTS_NAME,
        description=EVENTS_DESCRIPTION,
        source=lambda filters, now: {"events": selectors.feed_events(filters=filters, now=now)},
    )


@require_safe
def personal_feed(request, token):
    """One member's feed, internal events included; the token is the only credential."""
    feed = selectors.feed_for_token(token=token)
    if feed is None:
        return HttpResponseNotFound(
            _("No calendar feed at this address.") + "\n", content_type="text/plain; charset=utf-8"
        )
    try:
        filters = selectors.feed_filters_from_params(params=request.GET)
    except ValidationError as error:
        return _bad_request(error)
    language = filters.language or feed.feed_language
    with translation.override(language):
        description = PERSONAL_DESCRIPTION % {"name": feed.member.localized_name}
    now = timezone.now()
    return _serve(
        request,
        filename="my-deadlines.ics",
        language=language,
        parts=[filters.key(), feed.pk, feed.updated_at.isoformat(), feed.member.updated_at],
        now=now,
        deadlines=selectors.feed_deadlines(filters=filters, now=now, feed=feed),
        events=selectors.feed_events(filters=filters, now=now, feed=feed) if feed.include_events else None,
        name=PERSONAL_NAME,
        description=description,
        alarm_minutes=feed.alarm_minutes,
        mark_private=True,
    )


def feed_addresses(path):
    """The https and webcal:// addresses of a feed path."""
    address = f"{settings.PORTAL_BASE_URL}{path}"
    _scheme, _sep, rest = address.partition("://")
    return {"https": address, "webcal": f"webcal://{rest}" if rest else address}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def my_calendar_feed(request):
    """A member's page for their personal feed: address, copy, regenerate, settings."""
    member = member_of(request.user)
    if member is None:
        return render(request, "events/my_calendar_feed.html", {"no_member": True}, status=403)
    feed = services.calendar_feed_for_member(member=member)
    form = CalendarFeedForm(feed=feed)
    status = 200
    if request.method == "POST":
        if "regenerate" in request.POST:
            services.calendar_feed_regenerate_token(feed=feed)
            messages.success(request, _("Your feed has a new address. The old address no longer works."))
            return redirect("my_calendar_feed")
        form = CalendarFeedForm(request.POST, feed=feed)
        if form.is_valid():
            try:
                services.calendar_feed_update(feed=feed, **form.cleaned_data)
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("Your calendar feed settings are saved."))
                return redirect("my_calendar_feed")
        status = 400
    personal = feed_addresses(reverse("calendar:personal", kwargs={"token": feed.token}))
    context = {
        "feed": feed,
        "form": form,
        "personal": personal,
        "public_feeds": [
            (_("CFP deadlines"), feed_addresses(reverse("calendar:cfp"))),
            (_("Conferences"), feed_addresses(reverse("calendar:events"))),
        ],
    }
    return render(request, "events/my_calendar_feed.html", context, status=status)
