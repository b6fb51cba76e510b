from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    """The site itself: settings, URLs and the Wagtail pages."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "hub"
    verbose_name = _("Knowledge hub")

    def ready(self):
        from hub import search_adapters

        search_adapters.register_page_adapters()
        search_adapters.connect()
