"""Short texts put together from parts (models' __str__, admin lists, messages), with the
punctuation of the reader's language: "FOSDEM (Brussels)" in English, "FOSDEM（布鲁塞尔）" and
"数量：3" in Chinese."""

from django.utils.translation import pgettext


def with_aside(text, aside):
    """`text` followed by `aside` in brackets."""
    return pgettext("text with an aside in brackets", "%(text)s (%(aside)s)") % {"text": text, "aside": aside}


def labelled(label, value):
    """`value` after its `label` and the language's label separator."""
    return f"{label}{pgettext('label separator', ': ')}{value}"
