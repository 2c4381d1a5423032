from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from events import views as event_views

from . import views

admin.site.site_header = admin.site.site_title = "intl_portal"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("intl_portal.api_urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("timezone/", views.set_timezone, name="set_timezone"),
    path("", include("events.urls")),
    path("", include("members.urls")),
    # The calendar is the home page; the name stays for links elsewhere.
    path("", event_views.calendar, name="home"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
