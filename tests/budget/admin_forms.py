"""Build a real admin POST from the admin's own page: the form's and every inline's current
values with their management forms, as a browser would send them back."""

from django.core.files import File


def form_data(form):
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False or isinstance(value, File):
            continue  # a browser sends no file back unless one is chosen
        data[bound.html_name] = "on" if value is True else value
    return data


def admin_form_data(response):
    """The POST data of an admin add or change page as it was rendered."""
    data = form_data(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        data.update(form_data(formset.management_form))
        for row in formset.forms:
            data.update(form_data(row))
    return data


def add_inline_row(data, prefix, **fields):
    """Append a new row to an inline's POST data; returns the row's index."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = index + 1
    for name, value in fields.items():
        data[f"{prefix}-{index}-{name}"] = value
    return index


def errors_of(form):
    """Every message on a form (its fields' and its own), in field order."""
    return [message for messages in form.errors.values() for message in messages]
