"""Template tags for the site frame: the same page in the other languages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()

NATIVE_NAMES = {"ar": "العربية", "en": "English"}


@register.simple_tag(takes_context=True)
def alternate_languages(context) -> list[dict]:
    """The current page in each language: code, native name, url, and whether it is the current one.

    A Wagtail page links to its live translation; a page without one links to the same page served in
    the other language (Wagtail shows it in its own language with a note). Django views use translate_url.
    """
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    page = context.get("page")
    path = request.get_full_path()
    # base.html asks twice (the <head> alternates and the header switcher): answer once per request.
    cache_key = (current, path, getattr(page, "pk", None))
    cached = getattr(request, "_hub_alternates", None)
    if cached and cached[0] == cache_key:
        return cached[1]
    links = []
    for code, _name in settings.LANGUAGES:
        url = _page_url_in(page, code) if page is not None and hasattr(page, "get_translation_or_none") else None
        if url is None:
            url = translate_url(path, code)
            if url == path and code != current:
                url = f"/{code}/"
        links.append({"code": code, "name": NATIVE_NAMES.get(code, code), "url": url, "is_current": code == current})
    request._hub_alternates = (cache_key, links)
    return links


def _page_url_in(page, code: str) -> str | None:
    if page.locale.language_code == code:
        return page.get_url()
    translation = page.get_translations().filter(locale__language_code=code, live=True).first()
    return translation.get_url() if translation is not None else None


@register.filter
def safe_richtext(value):
    """Wagtail's `richtext`, then cleaned by the one allow-list (hub.text): rich text stored by any route (import,
    API, shell) is whitelisted again on output, so no script or event handler reaches a page."""
    from django.utils.safestring import mark_safe
    from wagtail.templatetags.wagtailcore_tags import richtext

    from hub.text import clean_rich_text

    return mark_safe(clean_rich_text(str(richtext(value)) if value else ""))  # noqa: S308


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *trail):
    """The way back from a deep page: Home, then (label, url) pairs, then the current page's label (not a link).

    `{% breadcrumbs _("Projects") directory_url project.title %}`: an odd number of arguments, the last one is
    the page itself.
    """
    *pairs, current = trail
    crumbs = [{"label": label, "url": url} for label, url in zip(pairs[::2], pairs[1::2], strict=True)]
    return {"crumbs": crumbs, "current": current, "LANGUAGE_CODE": context.get("LANGUAGE_CODE", get_language())}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def page_breadcrumbs(context, page):
    """Breadcrumbs of a Wagtail page from its ancestors below the home page (one query); none on the home page."""
    code = context.get("LANGUAGE_CODE", get_language())
    if page is None or page.depth <= 2:
        return {"crumbs": None}
    # A section's index (depth 3) sits right under the home page: no query. Deeper pages: one; an ancestor of a page
    # being shown is public when the page is (Wagtail's view restrictions apply to the subtree).
    ancestors = page.get_ancestors().filter(depth__gt=2).live().select_related("locale") if page.depth > 3 else []
    crumbs = [{"label": ancestor.title, "url": ancestor.get_url(context.get("request"))} for ancestor in ancestors]
    return {"crumbs": crumbs, "current": page.title, "LANGUAGE_CODE": code}


@register.filter
def absolute(path):
    """`path` at the site's public address (SITE_URL), for links that leave the page: hreflang, og:image."""
    from hub.site_address import absolute_url

    return absolute_url(str(path))


@register.filter
def number(value):
    """A count or amount grouped by thousands in the active language ("25,000"); decimals only when it has any."""
    from decimal import Decimal, InvalidOperation

    from django.utils.formats import number_format

    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return value
    places = 0 if amount == amount.to_integral_value() else 2
    return number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)


@register.filter
def money(value, currency=""):
    """An amount with its currency code, e.g. "25,000 USD", grouped in the active language's way."""
    text = number(value)
    return f"{text} {currency}".strip() if text != "" else ""
