"""/statistics/ (every chart), /statistics/<chart>/ (one chart: the stable link for stories), .csv (its data)."""

from django.urls import path

from hub.statistics import views

urlpatterns = [
    path("", views.index, name="statistics"),
    path("<slug:chart>.csv", views.chart_csv, name="statistics_csv"),
    path("<slug:chart>/", views.chart, name="statistics_chart"),
]
