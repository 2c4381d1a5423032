"""Calendar feeds: the public CFP and events feeds, a member's personal feed and its page.

- ical.py — the iCalendar documents (fixed UIDs, zones, alarms), built with `icalendar`.
- selectors.py — what each feed holds (built on events.selectors' visibility rules),
  query filters, and the feed's validators (ETag, Last-Modified) in one query.
- services.py — writes: a member's personal feed and its token, the feeds' revision.
- forms.py, views.py, urls.py — the doors: the feeds over HTTP and the member's feed page.
- revision.py — the one model receiver module: it bumps the feeds' cache revision.
"""
