from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Users, their profiles and their recognition as staff of a municipality."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "hub.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from hub.accounts import receivers  # noqa: F401  (connects allauth's e-mail signals)
