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
        "places.Municipality",
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


class MembershipRequest(models.Model):
    """A user's request to be recognised as staff of one municipality, decided by an editor."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    user = models.ForeignKey(
        User, verbose_name=_("applicant"), on_delete=models.CASCADE, related_name="membership_requests"
    )
    municipality = models.ForeignKey(
        "places.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    job_title = models.CharField(
        _("job title"), max_length=150, help_text=_("Your position at the municipality, e.g. IT officer.")
    )
    message = models.TextField(
        _("message"),
        max_length=1000,
        blank=True,
        help_text=_("Anything that helps an editor confirm who you are (department, phone extension, manager)."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    language = models.CharField(
        _("language"), max_length=10, default="ar", help_text=_("The language the applicant used; the reply uses it.")
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    notified_at = models.DateTimeField(
        _("applicant notified at"), null=True, blank=True, help_text=_("When the decision e-mail was sent.")
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")
        constraints = [
            # One open request per person: the rule lives in the database, not only in the form.
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status="pending"), name="accounts_one_pending_request_per_user"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.municipality}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
