"""Zone fields in admin: every model field validated as a zone is edited with ZoneField, so
"AoE" is taken and shown as AoE (it is stored as Etc/GMT+12)."""

from django.utils.text import capfirst

from ..timezones import ZoneField, validate_zone_name


class ZoneFields:
    """Mixed into ServiceAdmin and ServiceInline."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if validate_zone_name in getattr(db_field, "validators", ()) and not getattr(
            db_field, "choices", None
        ):
            return ZoneField(
                label=capfirst(db_field.verbose_name),  # as Django labels model fields
                required=not db_field.blank,
                help_text=db_field.help_text,
                initial=db_field.default if isinstance(db_field.default, str) else None,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)
