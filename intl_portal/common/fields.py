"""Model fields shared by every app."""

from django.core.validators import MaxLengthValidator
from django.db import models

# Free text (descriptions, notes, reviews, comments) is bounded: long enough for any real
# text, short enough that one row cannot make every page that lists it heavy (a 9 MB
# description was accepted and served on every anonymous list page).
TEXT_LIMIT = 20_000


class BoundedTextField(models.TextField):
    """A TextField of at most TEXT_LIMIT characters, checked by full_clean, model forms
    (admin, pages) and the API's serializers alike."""

    default_validators = [MaxLengthValidator(TEXT_LIMIT)]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", TEXT_LIMIT)
        super().__init__(*args, **kwargs)
