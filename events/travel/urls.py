from django.urls import path

import intl_portal.common.converters  # noqa: F401  (registers "id")

from . import views

app_name = "travel"

urlpatterns = [
    path("", views.board, name="board"),
    path("trips/<id:pk>/", views.trip, name="trip"),
    path("trips/<id:pk>/letters/", views.letter_issue, name="letter_issue"),
    path("steps/<id:pk>/", views.step_state, name="step_state"),
    path("letters/<id:pk>/pdf/", views.letter_pdf, name="letter_pdf"),
]
