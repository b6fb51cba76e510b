"""WSGI entry point: `gunicorn hub.wsgi` (production settings unless DJANGO_SETTINGS_MODULE says otherwise)."""

import os

from django.core.wsgi import get_wsgi_application

from hub import warmup

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")

application = get_wsgi_application()

# Load what Django and Wagtail would otherwise load on the first requests (hub/warmup.py).
warmup.warm()
