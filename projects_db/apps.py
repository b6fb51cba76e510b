from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsDbConfig(AppConfig):
    """Governorates, municipalities and their portals, and the e-municipality projects database."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "projects_db"
    verbose_name = _("Projects database")

    def ready(self) -> None:
        from projects_db.search_adapter import register_adapter

        register_adapter()
