"""Public pages of search (see the app's views)."""

app_name = "search"
urlpatterns: list = []
