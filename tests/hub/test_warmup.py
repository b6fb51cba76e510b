"""A new gunicorn worker loads what its first requests would otherwise load (hub/warmup.py, called by hub/wsgi.py)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template

from hub import warmup

pytestmark = pytest.mark.django_db


def test_warming_up_reads_no_database(django_assert_num_queries):
    """Safe in gunicorn's master process (--preload): no connection is opened before the workers fork."""
    with django_assert_num_queries(0):
        warmup.warm()


def test_every_template_of_the_site_compiles():
    """The warm-up compiles the site's own templates: a broken one fails here, not on a visitor's first request."""
    root = Path(settings.BASE_DIR) / "templates"
    names = [str(path.relative_to(root)) for path in root.rglob("*.html")]
    assert len(names) > 50
    assert set(names) <= set(warmup._template_names())
    for name in names:
        get_template(name)
