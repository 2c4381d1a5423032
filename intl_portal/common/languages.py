"""The portal's languages: the one list that the site, messages, feeds and content share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    CHINESE = "zh-hans", _("Simplified Chinese")


# (code, name) pairs, for settings.LANGUAGES and every language choice.
LANGUAGES = Language.choices
LANGUAGE_CODES = tuple(Language.values)
