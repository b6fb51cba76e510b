"""Each role's rights are declared once (hub.accounts.group_permissions): the database holds exactly that, and no
other module grants permissions to the role groups."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from hub.accounts import group_permissions as declared
from hub.accounts import roles

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def _held(name: str) -> set[tuple[str, str, str]]:
    group = Group.objects.get(name=name)
    return {
        (p.content_type.app_label, p.content_type.model, p.codename)
        for p in group.permissions.select_related("content_type")
    }


def _held_in_collections(name: str) -> set[tuple[str, str, str]]:
    return {
        (g.permission.content_type.app_label, g.permission.content_type.model, g.permission.codename)
        for g in GroupCollectionPermission.objects.filter(group__name=name).select_related("permission__content_type")
    }


def _check_every_group_holds_what_is_declared():
    assert set(declared.MODEL_PERMISSIONS) >= {*roles.ALL_GROUPS, roles.AWARD_JURY}
    for name, triples in declared.MODEL_PERMISSIONS.items():
        assert _held(name) == set(triples), name
    for name in declared.MODEL_PERMISSIONS:
        assert _held_in_collections(name) == set(declared.COLLECTION_PERMISSIONS.get(name, [])), name
    root = Page.objects.get(depth=1)
    editors_on_root = set(
        GroupPagePermission.objects.filter(group__name=roles.MINISTRY_EDITORS, page=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert editors_on_root == set(declared.PAGE_PERMISSIONS[roles.MINISTRY_EDITORS][1])


def test_the_migrations_grant_exactly_the_declaration():
    _check_every_group_holds_what_is_declared()


def test_setting_up_the_cms_grants_nothing_else_and_staff_may_draft_stories(home_pages):
    from hub import services
    from hub.models import StoryIndexPage

    services.cms_ensure_sections(home=home_pages["ar"])
    services.cms_ensure_workflow()
    assert StoryIndexPage.objects.exists()
    _check_every_group_holds_what_is_declared()
    for index in StoryIndexPage.objects.all():
        assert set(
            GroupPagePermission.objects.filter(group__name=roles.MUNICIPAL_STAFF, page=index).values_list(
                "permission__codename", flat=True
            )
        ) == {"add_page"}


def test_no_other_module_grants_permissions_to_groups():
    granters = sorted(
        str(path.relative_to(ROOT))
        for app in ("hub", "projects_db", "forum", "search")
        for path in (ROOT / app).rglob("*.py")
        if any(
            needle in path.read_text()
            for needle in (".permissions.add(", "GroupPagePermission.objects", "GroupCollectionPermission.objects")
        )
    )
    # places 0002 only carries grants that already existed over to the moved content types (it adds no right).
    assert granters == ["hub/accounts/group_permissions.py", "hub/places/migrations/0002_content_types.py"]
