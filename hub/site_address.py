"""The site's public address and name (SITE_URL), for everything that leaves the request: e-mails, the Wagtail site
record, the sitemap, canonical links. A shared helper: it imports no app of the project."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext


def site_url() -> str:
    """SITE_URL without its trailing slash, e.g. "https://hub.example.ps"."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (starting with "/") at the public address; an absolute URL is returned unchanged."""
    if urlsplit(path).scheme:
        return path
    return site_url() + path


def site_name() -> str:
    """The site's name in the active language."""
    return gettext("e-Municipality Knowledge Hub")


def hostname_and_port() -> tuple[str, int]:
    """The host name and port of SITE_URL (80 or 443 when it names none), as Wagtail's Site record keeps them."""
    parts = urlsplit(site_url())
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def default_from_email(url: str, name: str) -> str:
    """DEFAULT_FROM_EMAIL when none is set: the site's name at no-reply@ the public host (localhost for an IP)."""
    host = urlsplit(url).hostname or "localhost"
    try:
        ipaddress.ip_address(host)
        host = "localhost"
    except ValueError:
        pass
    return formataddr((name, f"no-reply@{host}"))


def from_email() -> str:
    """DEFAULT_FROM_EMAIL's address under the site's name in the active language."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((site_name(), address))


@dataclass(frozen=True)
class PublicSite:
    """What allauth's e-mails read as `current_site` (name and domain), from SITE_URL instead of the request."""

    name: str
    domain: str


def public_site() -> PublicSite:
    return PublicSite(name=site_name(), domain=urlsplit(site_url()).netloc)
