from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("me/", views.me, name="me"),
    path("members/<int:pk>/", views.member_detail, name="member_detail"),
]
