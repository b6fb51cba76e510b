"""Demo accounts, one per role, with verified e-mail addresses; idempotent.

The shared demo password is printed only when DEBUG is on; with DEBUG off the default password is refused,
so a demo loaded on a public server never carries a password published in this repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.users.models import UserProfile

from hub.accounts import roles, services
from hub.accounts.models import MembershipRequest, User

DEFAULT_DEMO_PASSWORD = "hub-demo-2026"  # noqa: S105 - development only; refused when DEBUG is off


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    display_name: str
    job_title: str = ""
    groups: tuple[str, ...] = ()
    superuser: bool = False
    municipality_slug: str = ""
    admin_language: str = ""
    bio: str = field(default="")

    @property
    def email(self) -> str:
        return f"{self.username}@hub.example"


ACCOUNTS = [
    DemoAccount("admin", "administrator", "مدير المنصة", "مدير النظام", superuser=True, admin_language="ar"),
    DemoAccount(
        "editor",
        "ministry editor",
        "ريم الخطيب",
        "محررة في وزارة الحكم المحلي",
        groups=(roles.MINISTRY_EDITORS,),
        admin_language="ar",
        bio="أحرر قصص النجاح والممارسات الفضلى وأتحقق من طلبات موظفي البلديات.",
    ),
    DemoAccount(
        "hebron",
        "staff of Hebron",
        "رامي الجعبري",
        "مسؤول تقنية المعلومات",
        municipality_slug="hebron",
        bio="أعمل على بوابة الخدمات الإلكترونية في بلدية الخليل.",
    ),
    DemoAccount("nablus", "staff of Nablus", "لينا المصري", "مهندسة نظم", municipality_slug="nablus"),
    DemoAccount("moderator", "forum moderator", "هالة ناصر", "مشرفة المنتدى", groups=(roles.FORUM_MODERATORS,)),
    # The award's jury: the demo edition is scoring, one juror has scored, the other has not yet.
    DemoAccount(
        "juror", "award juror", "سناء العلمي", "أستاذة نظم المعلومات، جامعة بوليتكنك فلسطين", groups=(roles.AWARD_JURY,)
    ),
    DemoAccount("juror2", "award juror", "خالد عمرو", "خبير الحكومة الإلكترونية", groups=(roles.AWARD_JURY,)),
    DemoAccount("member", "member", "أحمد يوسف", "باحث في الحوكمة الإلكترونية"),
]


def _write(stdout, line: str = "") -> None:
    if stdout is not None:
        stdout.write(line)


def load(*, stdout=None) -> None:
    """Administrator, ministry editor, staff of Hebron and of Nablus, moderator, two award jurors, ordinary member."""
    password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
    if not settings.DEBUG and password == DEFAULT_DEMO_PASSWORD:
        _write(
            stdout,
            "Demo accounts skipped: DEBUG is off and DEMO_PASSWORD is the published default. "
            "Set DEMO_PASSWORD to a secret of your own to create them.",
        )
        return
    users = {account.username: _ensure_account(account, password) for account in ACCOUNTS}
    editor = users["editor"]
    staff = [account for account in ACCOUNTS if account.municipality_slug]
    missing = [account for account in staff if not _ensure_staff(account, users, editor)]
    if settings.DEBUG:
        _print_table(stdout, password)
    else:
        _write(stdout, f"Demo accounts ready ({len(users)}); their password is the DEMO_PASSWORD you set.")
    for account in missing:
        slug = account.municipality_slug
        _write(stdout, f"Note: municipality '{slug}' not found; {account.username} is not verified staff yet.")


@transaction.atomic
def _ensure_account(account: DemoAccount, password: str) -> User:
    """The account, its verified address, its groups and its language.

    The user row, its allauth address and its groups are written here directly: the project has no service that
    creates users (people sign up through allauth's forms) or grants a role other than staff verification
    (_ensure_staff goes through that). The language goes through services.language_set."""
    user = User.objects.filter(username=account.username).first()
    if user is None:
        user = User(
            username=account.username,
            email=account.email,
            display_name=account.display_name,
            job_title=account.job_title,
            bio=account.bio,
            is_superuser=account.superuser,
            is_staff=account.superuser,
        )
        user.set_password(password)
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=account.email, defaults={"verified": True, "primary": True})
    for name in account.groups:
        user.groups.add(Group.objects.get(name=name))
    if account.admin_language and not UserProfile.objects.filter(user=user).exclude(preferred_language="").exists():
        services.language_set(user=user, language=account.admin_language)
    return user


def _ensure_staff(account: DemoAccount, users: dict[str, User], editor: User) -> bool:
    """Verify the demo staff through the same request-and-verify path real staff take."""
    from hub.places.selectors import municipality_by_slug

    municipality = municipality_by_slug(slug=account.municipality_slug)
    if municipality is None:
        return False
    user = users[account.username]
    if user.municipality_id == municipality.pk:
        return True
    pending = MembershipRequest.objects.filter(user=user, status=MembershipRequest.Status.PENDING).first()
    if pending is None:
        pending = services.membership_request_create(
            user=user, municipality=municipality, job_title=account.job_title, message="حساب تجريبي."
        )
    services.membership_request_verify(membership_request=pending, decided_by=editor)
    return True


def ensure_character(account: DemoAccount) -> User | None:
    """An account that only appears in the demo content (a practitioner who writes in the forum): a verified
    address, no password anyone could sign in with, and, with a municipality, verified staff of it through the same
    request-and-verify path as the demo staff. None when the demo accounts are not there (they were skipped: see
    `load`), as the demo editor verifies."""
    editor = User.objects.filter(username="editor").first()
    if editor is None:
        return None
    user = User.objects.filter(username=account.username).first()
    if user is None:
        user = _ensure_account(account, password="")
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if account.municipality_slug:
        _ensure_staff(account, {account.username: user}, editor)
        user.refresh_from_db()
    return user


def _print_table(stdout, password: str) -> None:
    rows = [(account.role, account.email) for account in ACCOUNTS]
    width = max(len(role) for role, _ in rows)
    _write(stdout, "Demo accounts (development only):")
    for role, email in rows:
        _write(stdout, f"  {role.ljust(width)}  {email}")
    _write(stdout, f"  password for all: {password}")
    _write(stdout, "Log in at http://127.0.0.1:8000/ar/accounts/login/ — Wagtail admin at /admin/")
