"""sitemap.xml: every live public page of both languages, each with hreflang alternates to its translations, then
the published projects and the municipality pages in both languages; every address starts with SITE_URL."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view
from wagtail.models import Page

from hub import site_address
from hub.places import selectors as places
from projects_db import selectors as projects


class BilingualSitemap(Sitemap):
    """Wagtail's sitemap covers the site root's tree only; the English home is its sibling, so take both trees.
    Page addresses come from the Wagtail site record, which follows SITE_URL (services.site_sync_public_address)."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_trees = Q()
        for root in roots:
            in_trees |= Q(path__startswith=root.path)
        return Page.objects.filter(in_trees).live().public().order_by("path").defer_streamfields().specific()


class PublicAddressSitemap(DjangoSitemap):
    """A Django sitemap of site views in both languages (hreflang alternates) at SITE_URL, not the request's host."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(site_address.site_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_address.site_url()).netloc


class ProjectSitemap(PublicAddressSitemap):
    def items(self):
        return projects.published_projects().select_related(None).only("slug", "updated_at").order_by("pk")

    def location(self, item):
        return reverse("projects_db:project_detail", kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.updated_at


class MunicipalitySitemap(PublicAddressSitemap):
    def items(self):
        return places.municipalities().select_related(None).only("slug").order_by("pk")

    def location(self, item):
        return reverse("projects_db:municipality_detail", kwargs={"slug": item.slug})


def sitemap(request):
    return wagtail_sitemap_view(
        request,
        sitemaps={"pages": BilingualSitemap, "projects": ProjectSitemap(), "municipalities": MunicipalitySitemap()},
    )
