"""The address a request really comes from, behind a configured number of trusted proxies.

Behind the recommended TLS proxy every request arrives from the proxy's address; the client's
is the one the proxy appended to X-Forwarded-For. With DJANGO_TRUSTED_PROXY_COUNT = N, the
client is the N-th address from the right of that header (what the outermost of our own
proxies saw); anything further left was written by the client and is not believed. With 0
(no proxy) the header is ignored altogether. The log-in throttle (django-axes) uses this.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(chain) < count:
        return remote  # not through our proxies: the connection's own address
    candidate = chain[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
