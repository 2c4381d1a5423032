"""Drive the same act through each door: the web pages (Django test client), the admin (a
real POST of its change form, as a browser would send it) and the API (DRF's client)."""

from django.forms import CheckboxInput, MultiWidget
from rest_framework.test import APIClient

DOORS = ("web", "admin", "api")


def api_client(user):
    client = APIClient()
    client.force_login(user)
    return client


def _posted(widget, value):
    """What a browser posts for a field showing `value`: {suffix: text} (None: nothing)."""
    if isinstance(widget, CheckboxInput):
        return {"": "on"} if value else {}
    if isinstance(widget, MultiWidget):
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        posted = {}
        for index, (sub, part) in enumerate(zip(widget.widgets, parts, strict=True)):
            posted.update({f"_{index}{k}": v for k, v in _posted(sub, part).items()})
        return posted
    if value is None:
        return {"": ""}
    if isinstance(value, list | tuple):
        return {"": [str(v) for v in value]}
    return {"": str(value)}


def _form_data(form):
    data = {}
    for name, field in form.fields.items():
        for suffix, value in _posted(field.widget, form[name].value()).items():
            data[form.add_prefix(name) + suffix] = value
    return data


def admin_form_data(response):
    """The data an admin add or change page posts when saved as shown: every field of the
    form and of each inline row, with the inlines' management forms."""
    assert response.status_code == 200, response.status_code
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data


def admin_errors(response):
    """{field or "__all__": [messages]} of a refused admin save (the page shown again),
    with the inline rows' errors under "<prefix>-<index>"."""
    assert response.status_code == 200, response.status_code
    errors = {name: list(messages) for name, messages in response.context["adminform"].form.errors.items()}
    for inline in response.context["inline_admin_formsets"]:
        for index, form in enumerate(inline.formset.forms):
            for name, messages in form.errors.items():
                errors[f"{inline.formset.prefix}-{index}-{name}"] = list(messages)
    return errors


def form_errors(response, name="form"):
    assert response.status_code == 200, response.status_code
    return {field: list(messages) for field, messages in response.context[name].errors.items()}
