"""The hub's roles, as Django groups, and the questions other apps ask about a user.

Other apps use these functions rather than checking group names themselves, so a role is defined once.
"""

from __future__ import annotations

MUNICIPAL_STAFF = "Municipal staff"
MINISTRY_EDITORS = "Ministry editors"
FORUM_MODERATORS = "Forum moderators"
ALL_GROUPS = (MUNICIPAL_STAFF, MINISTRY_EDITORS, FORUM_MODERATORS)


def _in_group(user, name: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(user, "_hub_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._hub_group_names = cache
    return name in cache


def is_editor(user) -> bool:
    """A ministry editor (or a superuser): may curate and publish anything, on any municipality."""
    return bool(getattr(user, "is_superuser", False)) or _in_group(user, MINISTRY_EDITORS)


def is_moderator(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or _in_group(user, FORUM_MODERATORS)


def staff_municipality_id(user) -> int | None:
    """The municipality a user is verified staff of, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return user.municipality_id


def can_act_for_municipality(user, municipality_id: int) -> bool:
    """Editors act for every municipality; verified staff only for their own."""
    return is_editor(user) or (municipality_id is not None and staff_municipality_id(user) == municipality_id)


AWARD_JURY = "Award jury"


def is_juror(user) -> bool:
    """A member of the jury of the best e-service award (groups are per site, not per edition)."""
    return _in_group(user, AWARD_JURY)
