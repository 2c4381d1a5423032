from django.urls import path

import intl_portal.common.converters  # noqa: F401  (registers "id")

from . import views
from .trackers import views as tracker_views

app_name = "events"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("cfp/", views.cfp_board, name="cfp_board"),
    path("events/<id:pk>/", views.event_detail, name="event_detail"),
    path("discover/", tracker_views.discover, name="discover"),
    path("discover/<id:pk>/adopt/", tracker_views.adopt, name="discover_adopt"),
    path("discover/<id:pk>/link/", tracker_views.link, name="discover_link"),
    path("discover/<id:pk>/unlink/", tracker_views.unlink, name="discover_unlink"),
    path("changes/<id:pk>/accept/", tracker_views.change, {"decision": "accept"}, name="tracker_accept"),
    path(
        "changes/<id:pk>/dismiss/",
        tracker_views.change,
        {"decision": "dismiss"},
        name="tracker_dismiss",
    ),
]
