"""Profile and municipal-staff membership pages (allauth serves log-in, sign-up and passwords)."""

from django.urls import path

from hub.accounts import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
]
