from django.urls import path

import intl_portal.common.converters  # noqa: F401  (registers "id")

from . import views

app_name = "events"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("cfp/", views.cfp_board, name="cfp_board"),
    path("events/<id:pk>/", views.event_detail, name="event_detail"),
]
