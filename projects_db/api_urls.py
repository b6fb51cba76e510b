"""The read-only public JSON API under /api/v1/ (django-ninja; OpenAPI at /api/v1/openapi.json)."""

from django.urls import re_path

from projects_db.api import api, not_found

app_name = "api"
# Any other address under /api/v1/ is a JSON 404 (not the site's redirect to /ar/... and its HTML page).
urlpatterns = [*api.urls[0], re_path(r"^.*$", not_found, name="not_found")]
