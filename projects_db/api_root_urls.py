"""Only the API's URLs, without i18n patterns: see HubNinjaAPI.create_response for why."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("projects_db.api_urls"))]
