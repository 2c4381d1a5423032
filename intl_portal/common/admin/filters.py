"""Changelist filters shared by every app's admin."""

from django.contrib import admin


class _ChoicesInUse:
    """A model field seen by a choices filter: its choices cut to the values some row has."""

    def __init__(self, field, values):
        self._field = field
        self.flatchoices = [(value, title) for value, title in field.flatchoices if value in values]

    def __getattr__(self, name):
        return getattr(self._field, name)


class InUseChoicesFilter(admin.ChoicesFieldListFilter):
    """A filter on a field with long choices (currencies, countries, passports) that offers
    only the values the admin's rows have: `list_filter = [("currency", InUseChoicesFilter)]`.
    Without a row it is not shown at all."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        rows = model_admin.get_queryset(request).order_by().values_list(field_path, flat=True).distinct()
        self.field = _ChoicesInUse(field, {str(value) for value in rows if value is not None})

    def has_output(self):
        return bool(self.field.flatchoices) or self.lookup_val is not None
