from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.permissions import member_of
from members.services.people import member_set_timezone

from .common.timezones import normalize_zone_name
from .middleware import SESSION_KEY


@require_POST
def set_timezone(request):
    """Remember the viewer's time zone in their session, and on their member profile
    so it follows them to other devices."""
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    try:
        request.session[SESSION_KEY] = normalize_zone_name(request.POST.get("timezone", ""))
        member = member_of(request.user)
        if member is not None:
            member_set_timezone(member=member, user=request.user, zone=request.session[SESSION_KEY])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("Times are now shown in %(zone)s.") % {"zone": request.session[SESSION_KEY]}
        )
    return redirect(target)
