"""Writes of the accounts app: profiles and the verification of municipal staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hub.accounts import roles, selectors
from hub.accounts.models import MembershipRequest, User
from hub.accounts.signals import standing_changed

if TYPE_CHECKING:
    from hub.places.models import Municipality


@transaction.atomic
def profile_update(*, user: User, display_name: str, job_title: str, bio: str, language: str | None = None) -> User:
    """Change one's own profile (and, when given, one's language); invalid values raise ValidationError and change
    nothing."""
    user.display_name = display_name.strip()
    user.job_title = job_title.strip()
    user.bio = bio.strip()
    user.full_clean(exclude=["password", "username", "email", "municipality"])
    if language:
        language_set(user=user, language=language)
    user.save(update_fields=["display_name", "job_title", "bio"])
    return user


@transaction.atomic
def language_set(*, user: User, language: str) -> None:
    """Set the person's one language preference (e-mails, notifications and Wagtail's admin; see
    selectors.language_of). An unknown language raises ValidationError and changes nothing."""
    from wagtail.users.models import UserProfile

    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError(_("Choose one of the site's languages."))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})


@transaction.atomic
def membership_request_create(
    *, user: User, municipality: Municipality, job_title: str, message: str = ""
) -> MembershipRequest:
    """Ask to be recognised as staff of `municipality`; one pending request per person, e-mail verified first."""
    if not selectors.has_verified_email(user=user):
        raise ValidationError(_("Verify your e-mail address before asking to be recognised as municipal staff."))
    if user.municipality_id == municipality.pk:
        raise ValidationError(_("You are already verified staff of %(municipality)s.") % {"municipality": municipality})
    # Lock the user's row so two simultaneous submissions cannot both pass the check below.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if MembershipRequest.objects.filter(user=user, status=MembershipRequest.Status.PENDING).exists():
        raise ValidationError(
            _("You already have a pending request. An editor will decide on it before you can send another.")
        )
    membership_request = MembershipRequest(
        user=user,
        municipality=municipality,
        job_title=job_title.strip(),
        message=message.strip(),
        language=(get_language() or "ar")[:10],
    )
    membership_request.full_clean()
    try:
        with transaction.atomic():
            membership_request.save()
    except IntegrityError as error:  # the partial unique constraint, should a race slip past the lock
        raise ValidationError(_("You already have a pending request.")) from error
    return membership_request


def _decide(*, membership_request: MembershipRequest, decided_by: User, status: str, reason: str) -> MembershipRequest:
    if not roles.is_editor(decided_by):
        raise PermissionDenied
    locked = MembershipRequest.objects.select_for_update(of=("self",)).select_related("user", "municipality")
    membership_request = locked.get(pk=membership_request.pk)
    if not membership_request.is_pending:
        raise ValidationError(_("This request was already decided."))
    membership_request.status = status
    membership_request.decided_by = decided_by
    membership_request.decided_at = timezone.now()
    membership_request.reason = reason.strip()
    membership_request.full_clean()
    membership_request.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    request_id = membership_request.pk

    def notify():
        from hub.accounts.tasks import send_membership_decision

        send_membership_decision.enqueue(membership_request_id=request_id)

    transaction.on_commit(notify)
    return membership_request


@transaction.atomic
def membership_request_verify(*, membership_request: MembershipRequest, decided_by: User) -> MembershipRequest:
    """Recognise the applicant as staff of the municipality: set it on the user and add them to Municipal staff."""
    membership_request = _decide(
        membership_request=membership_request,
        decided_by=decided_by,
        status=MembershipRequest.Status.VERIFIED,
        reason="",
    )
    user = membership_request.user
    user.municipality = membership_request.municipality
    fields = ["municipality"]
    if not user.job_title:
        user.job_title = membership_request.job_title
        fields.append("job_title")
    user.save(update_fields=fields)
    user.groups.add(Group.objects.get(name=roles.MUNICIPAL_STAFF))
    user.__dict__.pop("_hub_group_names", None)
    standing_changed.send(sender=User, user=user)
    return membership_request


@transaction.atomic
def membership_request_reject(
    *, membership_request: MembershipRequest, decided_by: User, reason: str
) -> MembershipRequest:
    """Decline the request with a reason the applicant will read; nothing else about the user changes."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the applicant a reason for the rejection.")})
    return _decide(
        membership_request=membership_request,
        decided_by=decided_by,
        status=MembershipRequest.Status.REJECTED,
        reason=reason,
    )


@transaction.atomic
def staff_membership_revoke(*, user: User, revoked_by: User) -> User:
    """Withdraw someone's municipal staff status: the municipality is cleared and they leave Municipal staff."""
    if not roles.is_editor(revoked_by):
        raise PermissionDenied
    user = User.objects.select_for_update().get(pk=user.pk)
    user.municipality = None
    user.save(update_fields=["municipality"])
    user.groups.remove(*Group.objects.filter(name=roles.MUNICIPAL_STAFF))
    user.__dict__.pop("_hub_group_names", None)
    standing_changed.send(sender=User, user=user)
    return user
