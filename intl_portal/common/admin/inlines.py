"""Inline rows written by services (see the package's protocol)."""

from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.forms.models import InlineForeignKeyField

from ..forms import add_refusal, refusal_text
from ..writes import ServiceWrites
from .refusals import (
    _attempt,
    _page,
    adopt,
    form_values,
    stored,
)
from .zones import ZoneFields


class _ServiceFormSet:
    """Mixed into a ServiceInline's formset: in the second pass each refused row shows its
    refusal; a refused deletion (whose row Django no longer validates) is said above the rows."""

    service_inline = None
    refusals = {}

    def clean(self):
        super().clean()
        deletions = []
        for index, error in self.refusals.get(self.prefix, {}).items():
            row = self.forms[index]
            if self.can_delete and self._should_delete_form(row):
                deletions.append(refusal_text(error))
            else:
                add_refusal(row, error)
        if deletions:
            raise ValidationError(deletions)


class ServiceInline(ZoneFields, ServiceWrites, admin.TabularInline):
    """An inline whose rows are written by services (see the module's protocol). Tabular;
    set `template = "admin/edit_inline/stacked.html"` for stacked rows."""

    parent_argument = None

    def service_data(self, row):
        """The row's values as the service's keyword arguments, with its parent under the
        name of the link to it; without it for rows the parent's service takes."""
        parent = {name for name, field in row.fields.items() if isinstance(field, InlineForeignKeyField)}
        data = form_values(row, exclude=parent)
        if not self.parent_argument:
            data.update({name: row.cleaned_data[name] for name in parent})
        return data

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # A tabular row's selects keep their width: no edit/add/delete/view icons beside
        # them (they wrapped under the select, making each row two or three lines tall).
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(field, "widget", None)
        if isinstance(widget, RelatedFieldWidgetWrapper) and self.template.endswith("tabular.html"):
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = widget.can_view_related = False
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        attributes = {"service_inline": self, "refusals": _page(request).refusals}
        return type(formset.__name__, (_ServiceFormSet, formset), attributes)

    def kept_rows(self, formset):
        """The rows the page keeps: neither empty new rows nor rows marked for deletion."""
        return [
            row
            for row in formset.forms
            if row.cleaned_data
            and not (formset.can_delete and formset._should_delete_form(row))
            and (row.instance.pk is not None or row.has_changed())
        ]

    def save_rows(self, request, formset):
        """Write each added, changed or deleted row through the services, each in its own
        savepoint; returns {row index: refusal}."""
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        if self.parent_argument:
            return {}  # the parent's service took them
        refused = {}
        for index, row in enumerate(formset.forms):
            error = _attempt(lambda row=row: self._save_row(request, formset, row))
            if error is not None:
                refused[index] = error
        return refused

    def _save_row(self, request, formset, row):
        obj = row.instance
        if formset.can_delete and formset._should_delete_form(row):
            if obj.pk is not None:
                self.service_delete(request, stored(obj))
                formset.deleted_objects.append(obj)
        elif not row.has_changed():
            return
        elif obj.pk is None:
            adopt(obj, self.service_create(request, self.service_data(row)))
            formset.new_objects.append(obj)
        else:
            adopt(obj, self.service_update(request, stored(obj), self.service_data(row)))
            formset.changed_objects.append((obj, row.changed_data))
