"""Profile and municipal-staff membership pages (allauth serves log-in, sign-up and passwords)."""

from django.urls import path

from hub.accounts import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("members/<str:username>/", views.member_detail, name="member_detail"),
    path("membership/", views.membership_request, name="membership_request"),
    path("memberships/", views.membership_review, name="membership_review"),
    path("memberships/<int:pk>/verify/", views.membership_verify, name="membership_verify"),
    path("memberships/<int:pk>/reject/", views.membership_reject, name="membership_reject"),
]
