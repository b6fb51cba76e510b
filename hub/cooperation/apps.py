from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    """Cooperation between municipalities: the e-service award, recommendations follow-up, twinning, follows."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "hub.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")
