"""Public pages of projects_db (see the app's views)."""

app_name = "projects_db"
urlpatterns: list = []
