from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    """The site itself: settings, URLs and the Wagtail pages."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "hub"
    verbose_name = _("Knowledge hub")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

        from hub import caching

        for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
            signal.connect(caching.bump_pages, dispatch_uid=f"hub-cache-{id(signal)}")
        post_delete.connect(caching.bump_pages, sender=Page, dispatch_uid="hub-cache-page-delete")

        from hub import search_adapters

        search_adapters.register_page_adapters()
        search_adapters.connect()

        from hub import receivers

        receivers.connect()

        from django.db.models.signals import post_migrate

        post_migrate.connect(receivers.sync_site_address, sender=self, dispatch_uid="hub-site-address")
