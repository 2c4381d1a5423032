from django.urls import path

from . import views

app_name = "program"

urlpatterns = [
    path("", views.program_page, name="page"),
    path("public/", views.program_public, name="public"),
    path("mine/", views.my_program, name="mine"),
    path("apply/", views.enrolment_new, name="apply"),
    path("enrolments/<int:pk>/consent/", views.enrolment_consent, name="enrolment_consent"),
    path("enrolments/<int:pk>/<str:action>/", views.enrolment_decide, name="enrolment_decide"),
    path("contributions/new/", views.contribution_new, name="contribution_new"),
    path("contributions/<int:pk>/edit/", views.contribution_edit, name="contribution_edit"),
    path("contributions/<int:pk>/consent/", views.contribution_consent, name="contribution_consent"),
    path(
        "contributions/<int:pk>/<str:action>/",
        views.contribution_review,
        name="contribution_review",
    ),
    path("review/", views.review, name="review"),
    path("certificate/<int:member_pk>/", views.certificate, name="certificate"),
    path("calendar/", views.calendar, name="calendar"),
    path("swag/", views.swag, name="swag"),
    path("swag/request/", views.swag_request_new, name="swag_request_new"),
    path("swag/requests/<int:pk>/<str:action>/", views.swag_request_act, name="swag_request_act"),
    path("rewards/new/", views.reward_new, name="reward_new"),
]
