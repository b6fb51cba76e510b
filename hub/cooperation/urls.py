from django.urls import path

from hub.cooperation import views

app_name = "cooperation"

urlpatterns = [
    path("award/", views.award, name="award"),
    path("award/winners/", views.award_winners, name="award_winners"),
    path("award/<int:year>/", views.award_edition, name="award_edition"),
    path("award/<int:year>/nominate/", views.nominate, name="nominate"),
    path("award/<int:year>/jury/", views.jury, name="jury"),
    path("award/<int:year>/jury/<int:pk>/", views.jury_score, name="jury_score"),
    path("award/<int:year>/ranking/", views.ranking, name="ranking"),
    path("award/<int:year>/vote/<int:pk>/", views.vote, name="vote"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("agreements/", views.agreements, name="agreements"),
    path("agreements/<int:pk>/", views.agreement, name="agreement"),
    path("training/", views.training, name="training"),
    path("training/<str:slug>/", views.training_detail, name="training_detail"),
    path("who-has-done-this/", views.who_has_done_this, name="who_has_done_this"),
    path("follow/", views.follow, name="follow"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
