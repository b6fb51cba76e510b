"""Writes of places: every change of a governorate or a municipality goes through one of these functions.

The Wagtail admin, the demo loaders and the portal check call them, so permissions, validation, the history
(Wagtail's audit log) and the signals that keep other apps' copies of a name current happen once. Permissions are
Django's model permissions (places.add_municipality, ...), granted to ministry editors. A `user` of None is an
operator at the command line (the demo loader): no permission is checked and the history names nobody.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from hub.places.models import Governorate, Municipality
from hub.places.signals import SHOWN_FIELDS, governorate_changed, municipality_changed, place_written

User = AbstractUser | AnonymousUser
Actor = User | None  # None: an operator at the command line (the demo loader)

MUNICIPALITY_FIELDS = (
    "name_ar",
    "name_en",
    "slug",
    "governorate",
    "kind",
    "portal_url",
    "population",
    "latitude",
    "longitude",
    "is_partner",
)
GOVERNORATE_FIELDS = ("name_ar", "name_en", "slug", "country")


def _require(user: Actor, model: type[models.Model], action: str) -> None:
    if user is None:  # an operator at the command line
        return
    codename = f"{model._meta.app_label}.{action}_{model._meta.model_name}"
    if not user.has_perm(codename):
        raise PermissionDenied(_("You may not change governorates and municipalities."))


def _assign(instance: models.Model, data: dict[str, Any], allowed: tuple[str, ...]) -> set[str]:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    changed = set()
    for name, value in data.items():
        if getattr(instance, name, None) != value:  # a new instance has no related object yet
            changed.add(name)
        setattr(instance, name, value)
    return changed


def _logged_user(user: Actor) -> AbstractUser | None:
    return user if isinstance(user, AbstractUser) and user.is_authenticated else None


def _delete(instance: models.Model) -> None:
    try:
        instance.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise ValidationError(
            _("%(name)s cannot be deleted: projects, stories or other places still refer to it.") % {"name": instance}
        ) from exc


def _create(model: type[models.Model], *, user: Actor, data: dict[str, Any], fields: tuple[str, ...]) -> Any:
    _require(user, model, "add")
    instance = model()
    _assign(instance, data, fields)
    instance.full_clean()
    instance.save()
    log(instance, "wagtail.create", user=_logged_user(user))
    place_written.send(sender=model, instance=instance)
    return instance


def _update(instance: models.Model, *, user: Actor, data: dict[str, Any], fields: tuple[str, ...]) -> tuple[Any, set]:
    """The instance, locked and changed, and the names of the fields whose value changed."""
    model = type(instance)
    _require(user, model, "change")
    instance = model._default_manager.select_for_update().get(pk=instance.pk)
    changed = _assign(instance, data, fields)
    instance.full_clean()
    instance.save()
    log(instance, "wagtail.edit", user=_logged_user(user))
    if changed:
        place_written.send(sender=model, instance=instance)
    return instance, changed


def _remove(instance: models.Model, *, user: Actor) -> None:
    _require(user, type(instance), "delete")
    log(instance, "wagtail.delete", user=_logged_user(user))
    _delete(instance)
    place_written.send(sender=type(instance), instance=instance)


# ---- governorates ----


@transaction.atomic
def governorate_create(*, user: Actor, data: dict[str, Any]) -> Governorate:
    return _create(Governorate, user=user, data=data, fields=GOVERNORATE_FIELDS)


@transaction.atomic
def governorate_update(*, governorate: Governorate, user: Actor, data: dict[str, Any]) -> Governorate:
    """Change a governorate; the apps that show its name hear of it (governorate_changed)."""
    governorate, changed = _update(governorate, user=user, data=data, fields=GOVERNORATE_FIELDS)
    if changed & SHOWN_FIELDS:
        governorate_changed.send(sender=Governorate, governorate=governorate, changed=changed)
    return governorate


@transaction.atomic
def governorate_delete(*, governorate: Governorate, user: Actor) -> None:
    """Delete a governorate that no municipality lies in (else a ValidationError says why)."""
    _remove(governorate, user=user)


# ---- municipalities ----


@transaction.atomic
def municipality_create(*, user: Actor, data: dict[str, Any]) -> Municipality:
    return _create(Municipality, user=user, data=data, fields=MUNICIPALITY_FIELDS)


@transaction.atomic
def municipality_update(*, municipality: Municipality, user: Actor, data: dict[str, Any]) -> Municipality:
    """Change a municipality; the apps that show its name hear of it (municipality_changed)."""
    municipality, changed = _update(municipality, user=user, data=data, fields=MUNICIPALITY_FIELDS)
    if changed & SHOWN_FIELDS:
        municipality_changed.send(sender=Municipality, municipality=municipality, changed=changed)
    return municipality


@transaction.atomic
def municipality_delete(*, municipality: Municipality, user: Actor) -> None:
    """Delete a municipality nothing refers to (else a ValidationError says why)."""
    _remove(municipality, user=user)


@transaction.atomic
def municipality_record_portal_check(*, municipality_id: int, ok: bool, status: str) -> None:
    """Store the result of one portal check (the check_portals command); not an edit, so no history."""
    Municipality.objects.filter(pk=municipality_id).update(
        portal_ok=ok, portal_status=status[:200], portal_checked_at=timezone.now()
    )
    # Editors see the result on the (cached) portal directory.
    place_written.send(sender=Municipality, instance=Municipality(pk=municipality_id))
