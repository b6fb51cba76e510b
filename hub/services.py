"""Writes that belong to the site itself: locales and the home page."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from hub.models import HomePage


@transaction.atomic
def site_ensure_home(
    *, title_ar: str, intro_ar: str, title_en: str, intro_en: str, hostname: str = "localhost"
) -> HomePage:
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
        Site.objects.create(hostname=hostname, port=80, root_page=home, is_default_site=True, site_name=title_en)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save(update_fields=["root_page"])
    english = home.get_translation_or_none(en)
    if english is None:
        english = home.copy_for_translation(en, copy_parents=False, alias=False)
        english.title = title_en
        english.intro = intro_en
        english.save_revision().publish()
    return home
