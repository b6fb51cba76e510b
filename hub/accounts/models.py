"""The site's user: a Django user with a public profile and, once verified, a municipality."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account; `municipality` is set only when an editor verified them as its staff."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    municipality = models.ForeignKey(
        "projects_db.Municipality",
        verbose_name=_("verified municipality"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        help_text=_("Set when an editor verifies this person as staff of the municipality."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_display_name()

    def get_display_name(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def is_verified_staff(self) -> bool:
        return self.municipality_id is not None
