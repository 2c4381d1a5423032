from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from events.feeds import views as feed_views
from events.reminders import views as reminder_views
from events.travel import views as travel_views
from members.views import api_tokens

from . import health, views

admin.site.site_header = admin.site.site_title = _("International outreach portal")

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("intl_portal.api.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("timezone/", views.set_timezone, name="set_timezone"),
    path("budget/", include("budget.urls")),
    path("program/", include("members.program.urls")),
    path("me/reminders/", reminder_views.my_reminders, name="my_reminders"),
    path("me/travel/", travel_views.my_travel, name="my_travel"),
    path("travel/", include("events.travel.urls")),
    path("calendar/", include("events.feeds.urls")),
    path("", include("events.outcomes.urls")),
    path("me/calendar/", feed_views.my_calendar_feed, name="my_calendar_feed"),
    path("me/api-tokens/", api_tokens, name="api_tokens"),
    # The home page is the events calendar (events:calendar, at "").
    path("", include("events.urls")),
    path("", include("members.urls")),
]

# No public media URL in any mode: the only uploads are receipts, served by
# budget:expense_receipt to who may see the expense.
