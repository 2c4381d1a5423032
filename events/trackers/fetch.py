"""Reading a source: a conditional GET (If-None-Match / If-Modified-Since with what the
server sent last time) through urllib, or a local file. No database access here."""

import dataclasses
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings


class FetchError(Exception):
    """The source could not be read; the message is the reason."""


@dataclasses.dataclass(frozen=True)
class Fetched:
    not_modified: bool
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    origin: str = ""


def max_bytes():
    return settings.TRACKER_MAX_BYTES


def _read_limited(stream, origin):
    limit = max_bytes()
    body = stream.read(limit + 1)
    if len(body) > limit:
        raise FetchError(f"{origin}: larger than {limit} bytes (TRACKER_MAX_BYTES)")
    return body


def fetch_url(url, *, etag="", last_modified=""):
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url[:200]}: only http and https addresses are read")
    headers = {"User-Agent": settings.TRACKER_USER_AGENT, "Accept": "application/json, text/yaml, */*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (scheme checked above)
    try:
        with urllib.request.urlopen(request, timeout=settings.TRACKER_HTTP_TIMEOUT) as response:  # noqa: S310
            body = _read_limited(response, url)
            return Fetched(
                not_modified=False,
                body=body,
                etag=response.headers.get("ETag", "")[:300],
                last_modified=response.headers.get("Last-Modified", "")[:100],
                origin=url,
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(not_modified=True, etag=etag, last_modified=last_modified, origin=url)
        raise FetchError(f"{url[:200]}: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"{url[:200]}: {reason}") from None


def fetch_file(path):
    path = Path(path)
    try:
        with path.open("rb") as stream:
            return Fetched(not_modified=False, body=_read_limited(stream, str(path)), origin=str(path))
    except OSError as error:
        raise FetchError(f"{path}: {error.strerror or error}") from None
