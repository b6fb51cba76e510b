"""The forum: django-machina's URLs, served inside the site under /<lang>/forum/."""

from django.urls import include, path

urlpatterns = [
    path("", include("machina.urls")),
]
