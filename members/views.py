"""A member's pages: their page and "my plan" (/me/: events, roles, deadlines, action items,
contributions), and /me/api-tokens/, where a signed-in user creates, replaces and revokes
their API token."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.worklists import member_plan

from .models import Member
from .permissions import is_member, member_of
from .services.tokens import api_token_create, api_token_of, api_token_revoke


@login_required
def me(request):
    member = member_of(request.user)
    plan = None
    if member:
        plan = member_plan(member=member, now=timezone.now(), query=request.GET, with_proposals=True)
    context = {"member": member, "plan": plan, "is_me": True, "me_id": member.pk if member else None}
    return render(request, "members/plan.html", context)


@login_required
def member_detail(request, pk):
    if not is_member(request.user):
        raise PermissionDenied
    member = get_object_or_404(Member, pk=pk)
    plan = member_plan(member=member, now=timezone.now(), query=request.GET)
    own = member_of(request.user)
    context = {"member": member, "plan": plan, "is_me": member == own, "me_id": own.pk if own else None}
    return render(request, "members/plan.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    new_key = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            new_key = api_token_create(user=request.user).key
            messages.success(request, _("Your new API token is shown below once; copy it now."))
        elif action == "revoke":
            if api_token_revoke(user=request.user):
                messages.success(request, _("Your API token has been revoked."))
            return redirect("api_tokens")
        else:
            messages.error(request, _("Unknown action."))
            return redirect("api_tokens")
    token = api_token_of(user=request.user)
    context = {
        "token": token,
        "new_key": new_key,
        "token_hint": f"{token.key[:4]}…{token.key[-4:]}" if token else "",
        "api_root": request.build_absolute_uri("/api/"),
    }
    return render(request, "members/api_tokens.html", context)
