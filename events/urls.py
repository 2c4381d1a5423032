from django.urls import path

from . import (
    converters,  # noqa: F401  (registers "id")
    views,
)

app_name = "events"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("cfp/", views.cfp_board, name="cfp_board"),
    path("events/<id:pk>/", views.event_detail, name="event_detail"),
]
