"""What the members app's forms share (pages and admin alike)."""

from django.core.exceptions import NON_FIELD_ERRORS


def apply_errors(form, error):
    """Put a service's ValidationError on the form: on the field it names when the form has
    that field, otherwise above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields and name != NON_FIELD_ERRORS else None, errors)
    else:
        form.add_error(None, error)
