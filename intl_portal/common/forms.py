"""How every form (pages and admin alike) shows a service's refusal: the one helper, so no
door restates where a ValidationError or PermissionDenied goes."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

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


# Django's blank choices ("---------" for model fields, "—" where a form wrote its own).
_BLANK_LABELS = {"---------", "—", ""}


class StackedFormMixin:
    """The members' forms (shape only): a checkbox's label is a statement, so it gets no colon
    after it; a select's blank choice says "Choose…", "(optional)" when the field may stay
    empty, instead of Django's "---------". static/css/forms.css stacks the fields.
    `blank_labels` names a blank choice that means something ({"chat_kind": _("No chat bot")})."""

    blank_labels = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.BooleanField) or field.widget.use_fieldset:
                field.label_suffix = ""  # nor a legend over a list of choices
                continue
            own = name in self.blank_labels
            label = (
                self.blank_labels[name]
                if own
                else (_("Choose…") if field.required else _("Choose… (optional)"))
            )
            if getattr(field, "empty_label", None) is not None:
                field.empty_label = label
                continue
            widget = field.widget
            if not isinstance(widget, forms.Select) or widget.allow_multiple_selected:
                continue
            choices = [
                (value, label if value in ("", None) and (own or str(text) in _BLANK_LABELS) else text)
                for value, text in widget.choices
            ]
            if isinstance(field, forms.ChoiceField):
                field.choices = choices
            else:
                widget.choices = choices
