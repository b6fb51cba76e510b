"""sitemap.xml: every live public page of both languages, each with hreflang alternates to its translations."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    """Wagtail's sitemap covers the site root's tree only; the English home is its sibling, so take both trees."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_trees = Q()
        for root in roots:
            in_trees |= Q(path__startswith=root.path)
        return Page.objects.filter(in_trees).live().public().order_by("path").defer_streamfields().specific()


def sitemap(request):
    return wagtail_sitemap_view(request, sitemaps={"pages": BilingualSitemap})
