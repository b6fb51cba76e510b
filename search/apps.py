from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One full-text search over pages, projects and forum posts, tuned for Arabic."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    label = "hub_search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.backends.signals import connection_created

        from search import embeddings

        connection_created.connect(embeddings.remember_storage, dispatch_uid="search_embedding_storage")
