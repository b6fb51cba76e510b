"""The read-only public JSON API under /api/v1/ (django-ninja; OpenAPI at /api/v1/openapi.json)."""

from projects_db.api import api

app_name = "api"
urlpatterns = api.urls[0]
