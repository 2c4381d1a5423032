"""Calendar feeds, included at "calendar/" (the member's feed page is at /me/calendar/)."""

from django.urls import path, re_path

from . import views

app_name = "calendar"

urlpatterns = [
    path("cfp.ics", views.cfp_feed, name="cfp"),
    path("events.ics", views.events_feed, name="events"),
    re_path(r"^feed/(?P<token>[A-Za-z0-9_-]{16,64})\.ics$", views.personal_feed, name="personal"),
]
