from django.conf import settings


def portal(request):
    return {"DEMO_MODE": settings.DEMO_MODE, "PORTAL_BASE_URL": settings.PORTAL_BASE_URL}
