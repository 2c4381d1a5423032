"""A member's page and "my plan" (/me/): events, roles, deadlines, action items, contributions."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from events.selectors import member_plan

from .models import Member
from .permissions import is_member, member_of


@login_required
def me(request):
    member = member_of(request.user)
    plan = member_plan(member=member, now=timezone.now()) if member else None
    return render(request, "members/plan.html", {"member": member, "plan": plan, "is_me": True})


@login_required
def member_detail(request, pk):
    if not is_member(request.user):
        raise PermissionDenied
    member = get_object_or_404(Member, pk=pk)
    plan = member_plan(member=member, now=timezone.now())
    context = {"member": member, "plan": plan, "is_me": member == member_of(request.user)}
    return render(request, "members/plan.html", context)
