"""Warm a new server process before it takes its first request.

Django and Wagtail load lazily: the URL configuration (and with it every view module), the translation catalogues,
Wagtail's hooks and each template are read on the first request that needs them. In a fresh gunicorn worker that
first request then costs one to two seconds of CPU, and requests arriving together queue behind it (measured with
`bench/forum_posting.py`: the first round of 40 simultaneous replies had p95 3.9 s, the next rounds 0.4 and 0.2 s).
`hub/wsgi.py` calls `warm()` while the worker boots, before gunicorn lets it accept connections. It reads files
only: no database connection is opened (so it is also safe under `gunicorn --preload`).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

logger = logging.getLogger(__name__)


def _template_names() -> list[str]:
    """Every `.html` template of the folders in TEMPLATES' DIRS: the project's `templates/` and machina's."""
    from django.conf import settings

    roots = [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    names = set()
    for root in roots:
        if root.is_dir():
            names.update(str(path.relative_to(root)) for path in root.rglob("*.html"))
    return sorted(names)


def warm() -> float:
    """Load the URL configuration, the catalogues, Wagtail's hooks and the templates; return the seconds it took."""
    from django.conf import settings
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template
    from django.urls import get_resolver
    from django.utils import translation
    from wagtail import hooks

    began = time.monotonic()
    get_resolver().url_patterns  # noqa: B018 - imports every URLconf and view module
    hooks.search_for_hooks()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Forum")
    for name in _template_names():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError) as error:  # machina's search page needs haystack
            logger.debug("not warmed: %s (%s)", name, error)
    seconds = time.monotonic() - began
    logger.info("warmed up in %.2f s", seconds)
    return seconds
