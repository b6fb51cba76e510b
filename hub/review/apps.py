from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """The one review queue of the Wagtail admin: what waits for the signed-in person's decision, read through each
    app's selectors. It depends on the apps it lists and nothing depends on it (no models, no migrations)."""

    name = "hub.review"
    label = "review"
    verbose_name = _("Review queue")
