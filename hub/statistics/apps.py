from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    """The public statistics page: server-rendered charts of the hub's own data (no models of its own)."""

    name = "hub.statistics"
    label = "statistics"
    verbose_name = _("Statistics")
