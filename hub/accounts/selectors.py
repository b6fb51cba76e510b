"""Reads of the accounts app: public member profiles and membership requests."""

from __future__ import annotations

from collections.abc import Iterable

from allauth.account.utils import has_verified_email as _allauth_has_verified_email
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from wagtail.users.models import UserProfile

from hub.accounts import roles
from hub.accounts.models import MembershipRequest, User


def has_verified_email(*, user: User | None) -> bool:
    """Whether the person confirmed an e-mail address (allauth's record): the one answer for every app's rules
    (membership requests, the award vote, the forum's members group)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return _allauth_has_verified_email(user)


def language_of(*, user: User | None) -> str:
    """The language a person reads the site's e-mails and notifications in, and Wagtail's admin.

    One preference per person, kept in Wagtail's `UserProfile.preferred_language` (so the admin follows it with no
    copy): set at sign-up from the page's language, changed on the profile page or in the admin's account settings.
    Without one, the site's default language.
    """
    if user is None or user.pk is None:
        return settings.LANGUAGE_CODE
    return languages_of(user_ids=[user.pk])[user.pk]


def languages_of(*, user_ids: Iterable[int]) -> dict[int, str]:
    """`language_of` for many people in one query: {user id: language}."""
    ids = set(user_ids)
    codes = {code for code, _name in settings.LANGUAGES}
    preferred = dict(UserProfile.objects.filter(user_id__in=ids).values_list("user_id", "preferred_language"))
    return {pk: preferred[pk] if preferred.get(pk) in codes else settings.LANGUAGE_CODE for pk in ids}


def member_by_username(*, username: str) -> User | None:
    """An active member for the public profile page (with the verified municipality), or None."""
    return User.objects.select_related("municipality").filter(username=username, is_active=True).first()


def membership_requests_pending() -> QuerySet[MembershipRequest]:
    """Every request waiting for an editor, oldest first."""
    return MembershipRequest.objects.filter(status=MembershipRequest.Status.PENDING).select_related(
        "user", "user__municipality", "municipality"
    )


def membership_requests_for_review(
    *, user: User | AnonymousUser, limit: int = 20
) -> tuple[int, list[MembershipRequest]]:
    """(how many, the `limit` oldest) pending requests, for a user who may decide them (editors); else (0, [])."""
    if not roles.is_editor(user):
        return 0, []
    pending = membership_requests_pending()
    return pending.count(), list(pending[:limit])


def membership_requests_pending_count(*, user: User | AnonymousUser) -> int:
    return membership_requests_pending().count() if roles.is_editor(user) else 0


def membership_requests_recently_decided(*, limit: int = 10) -> list[MembershipRequest]:
    """The last decisions, newest first, so editors see what colleagues already did."""
    return list(
        MembershipRequest.objects.exclude(status=MembershipRequest.Status.PENDING)
        .select_related("user", "municipality", "decided_by")
        .order_by("-decided_at", "-pk")[:limit]
    )


def membership_request_latest_for(*, user: User) -> MembershipRequest | None:
    """The user's most recent request (pending or decided), to show its status on their profile."""
    return MembershipRequest.objects.select_related("municipality").filter(user=user).order_by("-pk").first()


def membership_request_pending_by_id(*, pk: int) -> MembershipRequest | None:
    return MembershipRequest.objects.select_related("user", "municipality").filter(pk=pk).first()
