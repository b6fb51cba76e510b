"""The site's URLs plus uploaded media, for browser tests (the live server does not serve MEDIA_ROOT itself)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from hub.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
