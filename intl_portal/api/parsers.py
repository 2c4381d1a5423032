"""The API's request parsers."""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser


def refuse_nul(data):
    """A 400 for a NUL character anywhere in a request's keys or values: PostgreSQL cannot
    store it, nor look it up (a field that finds a row by name would fail with a 500)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise ParseError(_("The request contains a NUL character, which no field accepts."))
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, QueryDict):
            for key, values in item.lists():
                stack.append(key)
                stack.extend(values)
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return data


class PortalJSONParser(JSONParser):
    """DRF's JSON parser, with a body nested too deeply for Python's parser (`{"a":` × 1,000)
    answered as a 400 instead of a RecursionError and a 500, and NUL characters refused."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return refuse_nul(super().parse(stream, media_type, parser_context))
        except RecursionError:
            raise ParseError(_("JSON parse error - the document is nested too deeply.")) from None


class PortalFormParser(FormParser):
    """DRF's form parser, with NUL characters refused."""

    def parse(self, stream, media_type=None, parser_context=None):
        return refuse_nul(super().parse(stream, media_type, parser_context))


class PortalMultiPartParser(MultiPartParser):
    """DRF's multipart parser, with NUL characters refused in the fields (files are bytes)."""

    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        refuse_nul(parsed.data)
        return parsed
