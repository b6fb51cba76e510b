from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsDbConfig(AppConfig):
    """The e-municipality projects database (places are hub.places)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "projects_db"
    verbose_name = _("Projects database")

    def ready(self) -> None:
        from projects_db import receivers
        from projects_db.search_adapter import register_adapter

        register_adapter()
        receivers.connect()
