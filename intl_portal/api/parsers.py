"""The API's request parsers."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class PortalJSONParser(JSONParser):
    """DRF's JSON parser, with a body nested too deeply for Python's parser (`{"a":` × 1,000)
    answered as a 400 instead of a RecursionError and a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - the document is nested too deeply.")) from None
