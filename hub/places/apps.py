from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    """Governorates and municipalities with their portal links; imports no other app of the project."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "hub.places"
    label = "places"
    verbose_name = _("Places")
