"""The REST API under /api/: every app's viewsets on one router, the OpenAPI description at
/api/schema/ and the interactive docs (Swagger UI, served from our own static files) at
/api/docs/."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from rest_framework.routers import DefaultRouter

from .budget import views as budget_views
from .docs import PortalSchemaView, PortalSwaggerView
from .events import date_changes as date_change_views
from .events import travel as travel_views
from .events import views as events_views
from .members import views as members_views
from .program import views as program_views
from .trackers import views as tracker_views

router = DefaultRouter()
router.register("tags", events_views.TagViewSet, basename="tag")
router.register("events", events_views.EventViewSet, basename="event")
router.register("deadlines", events_views.DeadlineViewSet, basename="deadline")
router.register("goals", events_views.GoalViewSet, basename="goal")
router.register("participations", events_views.ParticipationViewSet, basename="participation")
router.register("action-items", events_views.ActionItemViewSet, basename="actionitem")
router.register("ideas", events_views.IdeaViewSet, basename="idea")
router.register(
    "date-change-requests", date_change_views.DateChangeRequestViewSet, basename="datechangerequest"
)
router.register("contacts", events_views.ContactViewSet, basename="contact")
router.register("travel-requirements", travel_views.TravelRequirementViewSet, basename="travelrequirement")
router.register("travel-steps", travel_views.TravelStepViewSet, basename="travelstep")
router.register("members", members_views.MemberViewSet, basename="member")
router.register("roles", members_views.RoleViewSet, basename="role")
router.register("role-assignments", members_views.RoleAssignmentViewSet, basename="roleassignment")
router.register("ambassadors", program_views.EnrolmentViewSet, basename="enrolment")
router.register("contributions", program_views.ContributionViewSet, basename="contribution")
router.register("rewards", program_views.RewardViewSet, basename="reward")
router.register("swag-items", program_views.SwagItemViewSet, basename="swagitem")
router.register("swag-requests", program_views.SwagRequestViewSet, basename="swagrequest")
router.register("tracker-sources", tracker_views.TrackerSourceViewSet, basename="trackersource")
router.register("tracker-runs", tracker_views.TrackerRunViewSet, basename="trackerrun")
router.register("discovered-entries", tracker_views.DiscoveredEntryViewSet, basename="discoveredentry")
router.register("budgets", budget_views.BudgetViewSet, basename="budget")
router.register("budget-lines", budget_views.BudgetLineViewSet, basename="budgetline")
router.register("expenses", budget_views.ExpenseViewSet, basename="expense")
router.register("exchange-rates", budget_views.ExchangeRateViewSet, basename="exchangerate")


def not_found(request, path=""):
    """Any other address under /api/ (e.g. /api/events/1.5/): a JSON 404, as the API answers
    everywhere, not Django's HTML page."""
    return JsonResponse({"detail": _("Not found.")}, status=404)


urlpatterns = [
    path("schema/", PortalSchemaView.as_view(), name="api-schema"),
    path("docs/", PortalSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
    re_path(r"^(?P<path>.*)$", not_found),
]
