"""allauth's e-mail signals, told to the rest of the site as `hub.accounts.signals.standing_changed`; and the
versions of the signed-in page cache, bumped whenever what a page shows about its reader changes."""

from __future__ import annotations

from allauth.account.signals import email_confirmed, email_removed
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from hub.accounts.models import MembershipRequest, User
from hub.accounts.signals import standing_changed
from hub.caching import READERS, bump, bump_on_commit, bump_reader_on_commit


@receiver(email_confirmed, dispatch_uid="hub_accounts_email_confirmed")
@receiver(email_removed, dispatch_uid="hub_accounts_email_removed")
def email_verification_changed(sender, email_address, **kwargs) -> None:
    standing_changed.send(sender=User, user=email_address.user)


# ---- the signed-in page cache (hub.caching): what a page shows about its reader ----
# A signed-in reader's cached pages carry their name, verification, municipality, roles and permissions (edit
# links, contacts, the portal checks): any change to those makes only that reader's pages stale; a change to a
# role's permissions makes every signed-in reader's pages stale ("readers").


@receiver(post_save, sender=User, dispatch_uid="hub_accounts_reader_saved")
@receiver(post_delete, sender=User, dispatch_uid="hub_accounts_reader_deleted")
def reader_changed(sender, instance, **kwargs) -> None:
    bump_reader_on_commit(instance.pk)


@receiver(standing_changed, dispatch_uid="hub_accounts_reader_standing")
def reader_standing_changed(sender, user, **kwargs) -> None:
    bump_reader_on_commit(user.pk)


@receiver(post_save, sender=MembershipRequest, dispatch_uid="hub_accounts_membership_request_saved")
def membership_request_saved(sender, instance, **kwargs) -> None:
    bump_reader_on_commit(instance.user_id)


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="hub_accounts_reader_groups")
@receiver(m2m_changed, sender=User.user_permissions.through, dispatch_uid="hub_accounts_reader_permissions")
def reader_roles_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:  # user.groups.add(...): one reader
        bump_reader_on_commit(instance.pk)
    elif pk_set:  # group.user_set.add(...): the readers named
        for user_id in pk_set:
            bump_reader_on_commit(user_id)
    else:  # group.user_set.clear(): every reader
        _every_reader_changed()


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="hub_accounts_role_permissions")
@receiver(post_delete, sender=Group, dispatch_uid="hub_accounts_role_deleted")
def role_changed(sender, **kwargs) -> None:
    if kwargs.get("action", "post_").startswith("post_"):
        _every_reader_changed()


def _every_reader_changed() -> None:
    """Every signed-in copy stale now (the writer's own next page) and again after commit (nobody keeps the old
    rows under the new version)."""
    bump(READERS)
    bump_on_commit(READERS)
