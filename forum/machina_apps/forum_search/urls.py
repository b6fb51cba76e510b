"""machina's search address leads to the site search, filtered to the forum (the site search covers the forum;
haystack builds no index). machina's URL factory is subclassed, so the address and its name stay machina's."""

from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from machina.apps.forum_search.urls import ForumSearchURLPatternsFactory

from forum.search import SOURCE_TYPE


def search_redirect(request):
    try:
        target = reverse("search:search")
    except NoReverseMatch:
        target = f"/{get_language() or 'ar'}/search/"
    params = {"type": SOURCE_TYPE}
    if request.GET.get("q"):
        params["q"] = request.GET["q"]
    return HttpResponseRedirect(f"{target}?{urlencode(params)}")


class SiteSearchURLPatternsFactory(ForumSearchURLPatternsFactory):
    def get_urlpatterns(self):
        return [path("", search_redirect, name="search")]


urlpatterns_factory = SiteSearchURLPatternsFactory()
