from django.urls import path

import intl_portal.common.converters  # noqa: F401  (registers "id")

from . import coordinator_views, member_views, request_views, views
from .trackers import views as tracker_views

app_name = "events"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("cfp/", views.cfp_board, name="cfp_board"),
    path("events/<id:pk>/", views.event_detail, name="event_detail"),
    # Before participations/<id>/<action>/: "role" is no member's action.
    path("goals/<id:pk>/owner/", coordinator_views.goal_owner, name="goal_owner"),
    path("participations/<id:pk>/role/", coordinator_views.participation_role, name="participation_role"),
    path("events/<id:pk>/confirm-dates/", coordinator_views.event_dates_confirm, name="event_dates_confirm"),
    path(
        "deadlines/<id:pk>/confirm-date/",
        coordinator_views.deadline_date_confirm,
        name="deadline_date_confirm",
    ),
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
    path("events/propose/", member_views.event_propose, name="event_propose"),
    path("events/<id:pk>/volunteer/", member_views.event_volunteer, name="event_volunteer"),
    path("participations/<id:pk>/trip/", member_views.participation_trip, name="participation_trip"),
    path("participations/<id:pk>/<slug:action>/", member_views.participation_act, name="participation_act"),
    path("action-items/<id:pk>/<slug:action>/", member_views.action_item_act, name="action_item_act"),
    path("events/<id:pk>/comments/", member_views.event_comments, name="event_comments"),
    path("events/<id:pk>/comments/new/", member_views.comment_post, name="comment_post"),
    path("comments/<id:pk>/edit/", member_views.comment_edit, name="comment_edit"),
    path("comments/<id:pk>/remove/", member_views.comment_remove, name="comment_remove"),
    path("ideas/", member_views.ideas, name="ideas"),
    path("ideas/<id:pk>/<slug:action>/", member_views.idea_support, name="idea_support"),
    path("triage/", member_views.triage, name="triage"),
    path("triage/proposals/<id:pk>/", member_views.triage_proposal, name="triage_proposal"),
    path("triage/volunteers/<id:pk>/", member_views.triage_volunteer, name="triage_volunteer"),
    path("triage/due-dates/<id:pk>/", member_views.triage_due_date, name="triage_due_date"),
    path("events/<id:pk>/dates/", request_views.event_date_change, name="event_date_change"),
    path("triage/date-changes/<id:pk>/", request_views.triage_date_change, name="triage_date_change"),
    path("triage/ideas/<id:pk>/", request_views.triage_idea, name="triage_idea"),
]
