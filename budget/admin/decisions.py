"""The approvers' actions of the budget admin: approve or reject with a comment."""

from django.contrib import admin
from django.template.response import TemplateResponse

from members.permissions import can_decide


def decision_action(description, title, call, done):
    """An approver's action: first a page asking for a comment (required to reject), then
    `call(request, obj, comment)` (one service call) for each selected object. Offered to
    approvers only (the admin mixes in DecidedByApprovers)."""

    def action(modeladmin, request, queryset):
        if request.POST.get("confirm"):
            comment = request.POST.get("comment", "")
            modeladmin.act_on_each(request, queryset, lambda obj: call(request, obj, comment), done)
            return None
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "queryset": queryset,
            "action": request.POST.get("action"),
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/budget/decision_comment.html", context)

    return admin.action(description=description, permissions=["decide"])(action)


class DecidedByApprovers:
    """Admins with decision_action()s: those actions are offered to approvers only."""

    def has_decide_permission(self, request):
        return can_decide(request.user)
