"""URLs: language-neutral endpoints first, then everything readers see under /ar/ and /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hub import caching, sitemaps, views
from projects_db import views as projects_views

# Wagtail's URLs, its serve view answered from the page cache first (hub.caching.serve_page: no query on a hit).
wagtail_patterns = [
    re_path(pattern.pattern.regex.pattern, caching.serve_page, name=pattern.name)
    if pattern.name == "wagtail_serve"
    else pattern
    for pattern in wagtail_urls.urlpatterns
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    # Choosing documents in the admin hides documents of unpublished projects (projects_db); then Wagtail answers.
    path("admin/documents/chooser/chosen/<str:pk>/", projects_views.admin_document_chosen),
    path("admin/documents/chooser/chosen-multiple/", projects_views.admin_document_chosen),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("projects_db.api_urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("hub.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("forum/", include("forum.urls")),
    path("search/", include("search.urls")),
    path("cooperation/", include("hub.cooperation.urls")),
    path("statistics/", include("hub.statistics.urls")),
    path("", include("projects_db.urls")),  # /projects/ and /municipalities/
    # Wagtail serves every other path (home, stories, practices, ...): keep it last.
    path("", include(wagtail_patterns)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
