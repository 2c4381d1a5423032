"""Real admin change-form POSTs: the data a browser would send back for a change page as it
is rendered (main form, every inline's management form and rows), ready to be edited."""

import datetime as dt

from django.db.models import Model


def _as_post(value):
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, list | tuple):
        return [str(item.pk if isinstance(item, Model) else item) for item in value]
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


def _form_data(form, data):
    for name in form.fields:
        value = _as_post(form[name].value())
        if value is not None:
            data[form.add_prefix(name)] = value


def changeform_data(client, url):
    """(data, rows): the POST data of the change page at `url` as rendered, and
    {(formset prefix, object pk): row prefix} to find a row to edit."""
    response = client.get(url)
    assert response.status_code == 200
    data, rows = {"_save": "Save"}, {}
    _form_data(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _form_data(formset.management_form, data)
        for form in formset.forms:
            _form_data(form, data)
            if form.instance.pk is not None:
                rows[(formset.prefix, form.instance.pk)] = form.prefix
    return data, rows
