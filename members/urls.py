from django.urls import path

import intl_portal.common.converters  # noqa: F401  (registers "id")

from . import views

app_name = "members"

urlpatterns = [
    path("me/", views.me, name="me"),
    path("members/<id:pk>/", views.member_detail, name="member_detail"),
]
