from django.urls import path

import intl_portal.common.converters  # noqa: F401  (registers "id")

from . import views

app_name = "review"

urlpatterns = [
    path("review/", views.review_latest, name="latest"),
    path("review/<int:year>/", views.review_page, name="year"),
    path("review/<int:year>/review.<str:fmt>", views.review_export, name="export"),
    path("review/<int:year>/next-year/", views.next_year, name="next_year"),
    path("review/<int:year>/next-year/<id:pk>/copy/", views.copy_to_next_edition, name="copy"),
    path("events/<id:pk>/outcomes/", views.event_outcomes, name="event_outcomes"),
]
