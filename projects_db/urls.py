"""Public pages of projects_db, under /<lang>/: the project directory and the municipal portal directory."""

from django.urls import path

from hub.caching import cache_anonymous
from projects_db import exports, views

app_name = "projects_db"
urlpatterns = [
    path("projects/", views.project_directory, name="project_directory"),
    path("projects/export.csv", exports.directory_csv, name="project_export_csv"),
    path("projects/export.json", exports.directory_json, name="project_export_json"),
    path(
        "projects/feed/",
        cache_anonymous(sections=("projects", "places"))(exports.NewProjectsFeed()),
        name="project_feed",
    ),
    path("projects/mine/", views.my_projects, name="my_projects"),
    path("projects/new/", views.project_create, name="project_create"),
    path("projects/review/", views.review_queue, name="review_queue"),
    path("projects/<str:slug>/", views.project_detail, name="project_detail"),
    path("projects/<str:slug>/edit/", views.project_edit, name="project_edit"),
    path("projects/<str:slug>/submit/", views.project_submit, name="project_submit"),
    path("projects/<str:slug>/publish/", views.project_publish, name="project_publish"),
    path("projects/<str:slug>/return/", views.project_return, name="project_return"),
    path("municipalities/", views.municipality_directory, name="municipality_directory"),
    path("municipalities/<str:slug>/", views.municipality_detail, name="municipality_detail"),
]
