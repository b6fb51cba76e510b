"""allauth's e-mail signals, told to the rest of the site as `hub.accounts.signals.standing_changed`."""

from __future__ import annotations

from allauth.account.signals import email_confirmed, email_removed
from django.dispatch import receiver

from hub.accounts.models import User
from hub.accounts.signals import standing_changed


@receiver(email_confirmed, dispatch_uid="hub_accounts_email_confirmed")
@receiver(email_removed, dispatch_uid="hub_accounts_email_removed")
def email_verification_changed(sender, email_address, **kwargs) -> None:
    standing_changed.send(sender=User, user=email_address.user)
