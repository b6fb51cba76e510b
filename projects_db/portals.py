"""Checking a portal address: HEAD first, then GET when HEAD is refused; redirects followed; a time limit."""

from __future__ import annotations

import urllib.error
import urllib.request

USER_AGENT = "e-Municipality-Hub portal check"


def probe(url: str, *, timeout: float = 10.0) -> tuple[bool, str]:
    """(reachable, short result) for one address; 2xx/3xx after redirects counts as reachable."""
    if not url.lower().startswith(("http://", "https://")):
        return False, "not an http(s) address"
    last = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310 (http and https only, checked above)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return True, f"{response.status} {method}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
            if method == "HEAD" and exc.code in (405, 403, 501, 400):
                continue
            return False, last
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return False, f"{type(exc).__name__}: {reason}"[:200]
    return False, last
