"""Templates ask the permission predicates instead of restating a role check:

    {% load permissions %}
    {% can "see_swag_address" swag_request as show_address %}
    {% if show_address %}…{% endif %}

`{% can "x" a b as name %}` asks members.permissions.can_x(request.user, a, b)."""

from django import template

from members import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, question, *objects):
    predicate = getattr(permissions, f"can_{question}", None)
    if predicate is None:
        raise template.TemplateSyntaxError(f"members.permissions has no predicate can_{question}")
    return predicate(context["request"].user, *objects)
