"""Reads of the accounts app: public member profiles and membership requests."""

from __future__ import annotations

from django.db.models import QuerySet

from hub.accounts import roles
from hub.accounts.models import MembershipRequest, User


def member_by_username(*, username: str) -> User | None:
    """An active member for the public profile page (with the verified municipality), or None."""
    return User.objects.select_related("municipality").filter(username=username, is_active=True).first()


def membership_requests_pending() -> QuerySet[MembershipRequest]:
    """Every request waiting for an editor, oldest first."""
    return MembershipRequest.objects.filter(status=MembershipRequest.Status.PENDING).select_related(
        "user", "user__municipality", "municipality"
    )


def membership_requests_for_review(*, user, limit: int = 20) -> tuple[int, list[MembershipRequest]]:
    """(how many, the `limit` oldest) pending requests, for a user who may decide them (editors); else (0, [])."""
    if not roles.is_editor(user):
        return 0, []
    pending = membership_requests_pending()
    return pending.count(), list(pending[:limit])


def membership_requests_pending_count(*, user) -> int:
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
