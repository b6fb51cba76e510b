"""Writes that belong to the site itself: locales and the home page."""

from typing import TYPE_CHECKING

from django.db import transaction
from wagtail.models import Locale, Page, Site

from hub import site_address
from hub.models import HomePage

if TYPE_CHECKING:
    from wagtail.models import Workflow


def site_sync_public_address() -> Site | None:
    """Give the default Wagtail site SITE_URL's host name and port (run after every migrate and by the demo), so
    that page URLs, canonical links and the sitemap carry the public address."""
    hostname, port = site_address.hostname_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


@transaction.atomic
def site_ensure_home(*, title_ar: str, intro_ar: str, title_en: str, intro_en: str) -> HomePage:
    """Make the Arabic home page the default site's root and give it a live English translation (idempotent)."""
    ar, _ = Locale.objects.get_or_create(language_code="ar")
    en, _ = Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.filter(locale=ar).first()
    if home is None:
        # Wagtail's installation leaves a placeholder page (and a site on it); the hub's home replaces both.
        placeholders = Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page")
        Site.objects.filter(root_page__in=placeholders).delete()
        placeholders.delete()
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title=title_ar, slug="home", intro=intro_ar, locale=ar))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address.hostname_and_port()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=title_en)
    else:
        if site.root_page_id != home.pk:
            site.root_page = home
            site.save(update_fields=["root_page"])
        site_sync_public_address()
    english = home.get_translation_or_none(en)
    if english is None:
        english = home.copy_for_translation(en, copy_parents=False, alias=False)
        english.title = title_en
        english.intro = intro_en
        english.save_revision().publish()
    return home


SECTIONS = [
    # (model, slug, Arabic title, English title, Arabic intro, English intro)
    (
        "StoryIndexPage",
        "stories",
        "قصص النجاح",
        "Success stories",
        "ما أنجزته البلديات في التحول الإلكتروني وما تعلمته، بلسانها.",
        "What municipalities achieved going electronic, and what they learned, in their own words.",
    ),
    (
        "PracticeIndexPage",
        "practices",
        "الممارسات الفضلى",
        "Best practices",
        "أدلة وقوائم تحقق تعدّها الوزارة لمساعدة البلديات.",
        "Guides and checklists the ministry writes to help municipalities.",
    ),
    (
        "EventIndexPage",
        "events",
        "الفعاليات",
        "Events",
        "مؤتمرات وندوات وورش عمل حول البلديات الإلكترونية.",
        "Conferences, seminars and workshops on e-municipalities.",
    ),
    (
        "NewsIndexPage",
        "news",
        "الأخبار",
        "News",
        "أخبار وزارة الحكم المحلي والبلديات عن الخدمات الإلكترونية.",
        "News from the ministry and municipalities about e-services.",
    ),
]


@transaction.atomic
def cms_ensure_sections(*, home: HomePage) -> dict:
    """Index pages for stories, practices, events and news under both home pages, at the same slugs (idempotent)."""
    from hub import models as hub_models

    en = Locale.objects.get(language_code="en")
    sections = {}
    for model_name, slug, title_ar, title_en, intro_ar, intro_en in SECTIONS:
        model = getattr(hub_models, model_name)
        index = model.objects.child_of(home).first()
        if index is None:
            index = model(title=title_ar, slug=slug, intro=intro_ar, locale=home.locale)
            home.add_child(instance=index)
            index.save_revision().publish()
        english = index.get_translation_or_none(en)
        if english is None:
            english = index.copy_for_translation(en, copy_parents=False, alias=False)
            english.title, english.intro = title_en, intro_en
            english.save_revision().publish()
        sections[slug] = {"ar": index, "en": model.objects.get(pk=english.pk)}
    return sections


STORY_WORKFLOW_NAME = "Story moderation"
STORY_TASK_NAME = "Ministry editors approve"


@transaction.atomic
def cms_ensure_workflow() -> "Workflow":
    """Roles in Wagtail and the story workflow (idempotent).

    The groups' rights come from the one declaration, hub.accounts.group_permissions (applied again here so story
    indexes created since the migrations get the staff's "add" right). Municipal staff own the stories they draft
    and cannot publish, so a draft goes through the "Story moderation" workflow (a GroupApprovalTask for editors).
    """
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    from hub.accounts import roles
    from hub.accounts.group_permissions import apply_group_permissions
    from hub.models import StoryIndexPage

    apply_group_permissions()
    editors = Group.objects.get(name=roles.MINISTRY_EDITORS)
    story_indexes = list(StoryIndexPage.objects.all())

    task = GroupApprovalTask.objects.filter(name=STORY_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=STORY_TASK_NAME)
    task.groups.set([editors])
    workflow, _ = Workflow.objects.get_or_create(name=STORY_WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in story_indexes:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def private_media_move(*, dry_run: bool = False) -> dict[str, list[str]]:
    """Move files that are not public (hub.storage.PRIVATE_FOLDERS) from MEDIA_ROOT to PRIVATE_MEDIA_ROOT, keeping
    their names, so the database keeps pointing at them. Nothing is overwritten: a file already at its destination
    with the same bytes is only removed from MEDIA_ROOT; one with different bytes is left where it is and reported.
    Returns {"moved": [...], "duplicates": [...], "conflicts": [...]} (names relative to the media roots)."""
    import filecmp
    import shutil
    from pathlib import Path

    from django.conf import settings

    from hub.storage import PRIVATE_FOLDERS

    public_root, private_root = Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)
    result: dict[str, list[str]] = {"moved": [], "duplicates": [], "conflicts": []}
    for folder in PRIVATE_FOLDERS:
        source_folder = public_root / folder
        if not source_folder.is_dir():
            continue
        for source in sorted(p for p in source_folder.rglob("*") if p.is_file()):
            name = source.relative_to(public_root).as_posix()
            target = private_root / name
            if target.exists():
                same = filecmp.cmp(source, target, shallow=False)
                result["duplicates" if same else "conflicts"].append(name)
                if same and not dry_run:
                    source.unlink()
                continue
            result["moved"].append(name)
            if not dry_run:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(source), str(target))  # copies then removes when the roots are on two disks
    return result


def stories_reindex_for_place(*, municipality_id: int | None = None, governorate_id: int | None = None) -> int:
    """Rewrite the search documents of the live stories of a renamed municipality or governorate (the places
    service itself makes the cached pages stale). Called through hub.places.signals, inside the rename's
    transaction."""
    from hub import search_adapters
    from hub.models import StoryPage

    stories = StoryPage.objects.live().select_related("locale", "municipality__governorate", "category")
    if municipality_id is not None:
        stories = stories.filter(municipality_id=municipality_id)
    elif governorate_id is not None:
        stories = stories.filter(municipality__governorate_id=governorate_id)
    else:
        return 0
    count = 0
    for story in stories:
        search_adapters.index_page(story)
        count += 1
    return count
