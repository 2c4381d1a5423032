"""How every form (pages and admin alike) shows a service's refusal: the one helper, so no
door restates where a ValidationError or PermissionDenied goes."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext, gettext_noop

# Django writes a form's label suffix as gettext(":"); this project's catalogue, which comes
# first, makes it the full-width "：" in Chinese (pages and admin alike).
LABEL_SUFFIX = gettext_noop(":")
# …and a label ending in one of these gets no suffix: the full-width ones too in Chinese
# (else "我们可以在那里做什么？：").
LABEL_ENDINGS = gettext_noop(":?.!")


def refusal_text(error):
    """A service's ValidationError or PermissionDenied as one line (for a message)."""
    if isinstance(error, PermissionDenied):
        return str(error) or gettext("You may not do this.")
    return " ".join(error.messages)


def add_refusal(form, error):
    """Show a service's ValidationError or PermissionDenied on `form`: each message on the
    field it names when the form shows that field, otherwise above the form (a field the
    form lacks or hides, such as an inline row's link to its parent, or none at all)."""
    if isinstance(error, PermissionDenied):
        form.add_error(None, refusal_text(error))
    elif hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            shown = name in form.fields and not form.fields[name].widget.is_hidden
            form.add_error(name if shown else None, errors)
    else:
        form.add_error(None, error.error_list)
