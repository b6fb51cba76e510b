"""Editors run the award, the recommendations and the agreements from Wagtail's admin (snippets)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.cooperation.models import Agreement, AwardEdition, Recommendation, ResponsibleBody


class AwardEditionViewSet(SnippetViewSet):
    model = AwardEdition
    icon = "pick"
    list_display = ["year", "title", "nominations_close", "jury_closes", "results_published_at"]


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "list-ol"
    list_display = ["number", "title", "body", "status", "updated_at"]
    list_filter = ["status", "body"]


class ResponsibleBodyViewSet(SnippetViewSet):
    model = ResponsibleBody
    icon = "group"


class AgreementViewSet(SnippetViewSet):
    model = Agreement
    icon = "link"
    list_display = ["title", "kind", "signed_on"]


class CooperationGroup(SnippetViewSetGroup):
    menu_label = _("Cooperation")
    menu_icon = "group"
    items = (AwardEditionViewSet, RecommendationViewSet, ResponsibleBodyViewSet, AgreementViewSet)


register_snippet(CooperationGroup)
