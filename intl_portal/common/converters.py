"""URL converter for database ids: digits that fit a 64-bit key, so a huge number in an
address is a 404 rather than an overflow in the database driver."""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
