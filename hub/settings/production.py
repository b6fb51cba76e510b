"""Production: refuses to start with DEBUG on, a default or short secret key, or no DATABASE_URL."""

from django.core.exceptions import ImproperlyConfigured

from .base import env

if not env("DATABASE_URL", default=""):
    raise ImproperlyConfigured("Production requires DATABASE_URL (the embedded PostgreSQL is for development only).")
if not env("REDIS_URL", default=""):
    # Each gunicorn worker would have its own local-memory cache: a write seen by one would leave the others
    # serving stale pages, and every rate limit would be per worker.
    raise ImproperlyConfigured("Production requires REDIS_URL (the shared cache of every process).")

from .base import *  # noqa: E402,F403
from .base import SECRET_KEY  # noqa: E402

if env.bool("DEBUG", default=False):
    raise ImproperlyConfigured("DEBUG must be off in production.")
if SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value (50+ characters) in production.")

DEBUG = False
# nginx sends private files itself (X-Accel-Redirect), so a large download does not hold a gunicorn worker.
SENDFILE_BACKEND = env("SENDFILE_BACKEND", default="django_sendfile.backends.nginx")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
# Each gunicorn worker keeps its database connection between requests: a new PostgreSQL connection per request
# costs a backend fork and cold catalogue and text-search caches (docs/performance.md, "Forum posting under load").
# Django checks the connection before reusing it. CONN_MAX_AGE=0 goes back to one connection per request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
# Behind PgBouncer in transaction pooling, a server-side cursor (QuerySet.iterator()) would outlive the transaction
# it was opened in on its server connection: DISABLE_SERVER_SIDE_CURSORS=true reads those rows client-side instead.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool("DISABLE_SERVER_SIDE_CURSORS", default=False)  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Load balancers probe the health check over plain HTTP, straight at gunicorn.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
