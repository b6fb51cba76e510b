"""Editors run the award, the recommendations, the agreements and training from Wagtail's admin (snippets).

Award editions (with their inline criteria), recommendations (with their inline progress updates), agreements,
training programmes and responsible bodies are written through hub.cooperation.services (create, copy, edit,
delete, bulk delete: hub.snippet_views), so the rules, the author of each progress update and the audit log are the
same whoever writes (the demo loader calls the same services).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from hub.cooperation import services
from hub.cooperation.models import Agreement, AwardEdition, Recommendation, ResponsibleBody, TrainingProgramme
from hub.snippet_views import (
    ServiceCreateView,
    ServiceEditView,
    ServiceSnippetViewSet,
    model_data,
)

UPDATE_FIELDS = ("date", "text_ar", "text_en")


def inline_changes(form, name: str, fields: tuple[str, ...]) -> tuple[list[dict], dict[int, dict], list[int]]:
    """What an inline panel asks for: new rows, changed rows (by id), removed ids."""
    formset = form.formsets[name]
    deleted = formset.deleted_forms if formset.can_delete else []
    new, changed, removed = [], {}, []
    for row in formset.forms:
        pk = row.instance.pk
        if row in deleted:
            if pk:
                removed.append(pk)
            continue
        if not row.has_changed():
            continue
        values = {field: row.cleaned_data.get(field) for field in fields}
        if pk:
            changed[pk] = values
        else:
            new.append(values)
    return new, changed, removed


def progress_updates(form) -> dict:
    """What the inline panel of progress updates asks for: new ones, corrected ones (by id), removed ids."""
    new, changed, removed = inline_changes(form, "updates", UPDATE_FIELDS)
    return {"new_updates": new, "changed_updates": changed, "removed_update_ids": removed}


def criteria_changes(form) -> dict:
    """The same for the criteria of an award edition."""
    new, changed, removed = inline_changes(form, "criteria", services.CRITERION_FIELDS)
    return {"new_criteria": new, "changed_criteria": changed, "removed_criterion_ids": removed}


class RecommendationCreateView(ServiceCreateView):
    def save_instance(self):
        updates = progress_updates(self.form)
        return services.recommendation_create(
            user=self.request.user, data=model_data(self.form), new_updates=updates["new_updates"]
        )


class RecommendationEditView(ServiceEditView):
    def save_instance(self):
        return services.recommendation_update(
            user=self.request.user,
            recommendation=Recommendation.objects.get(pk=self.object.pk),
            data=model_data(self.form),
            **progress_updates(self.form),
        )


class AgreementCreateView(ServiceCreateView):
    def save_instance(self):
        return services.agreement_create(user=self.request.user, **model_data(self.form))


class AwardEditionCreateView(ServiceCreateView):
    def save_instance(self):
        return services.award_edition_create(
            user=self.request.user, data=model_data(self.form), criteria=criteria_changes(self.form)["new_criteria"]
        )


class AwardEditionEditView(ServiceEditView):
    def save_instance(self):
        return services.award_edition_update(
            user=self.request.user,
            edition=AwardEdition.objects.get(pk=self.object.pk),
            data=model_data(self.form),
            **criteria_changes(self.form),
        )


class AwardEditionViewSet(ServiceSnippetViewSet):
    model = AwardEdition
    icon = "pick"
    list_display = ["year", "title", "nominations_close", "jury_closes", "results_published_at"]
    add_view_class = AwardEditionCreateView
    edit_view_class = AwardEditionEditView
    delete_service = staticmethod(services.award_edition_delete)
    instance_argument = "edition"


class RecommendationViewSet(ServiceSnippetViewSet):
    model = Recommendation
    icon = "list-ol"
    list_display = ["number", "title", "body", "status", "updated_at"]
    list_filter = ["status", "body"]
    add_view_class = RecommendationCreateView
    edit_view_class = RecommendationEditView
    delete_service = staticmethod(services.recommendation_delete)
    instance_argument = "recommendation"


class ResponsibleBodyViewSet(ServiceSnippetViewSet):
    model = ResponsibleBody
    icon = "group"
    create_service = staticmethod(services.responsible_body_create)
    edit_service = staticmethod(services.responsible_body_update)
    delete_service = staticmethod(services.responsible_body_delete)
    instance_argument = "body"


class AgreementViewSet(ServiceSnippetViewSet):
    model = Agreement
    icon = "link"
    list_display = ["title", "kind", "signed_on"]
    add_view_class = AgreementCreateView
    edit_service = staticmethod(services.agreement_update)
    delete_service = staticmethod(services.agreement_delete)
    instance_argument = "agreement"


class TrainingViewSet(ServiceSnippetViewSet):
    model = TrainingProgramme
    icon = "user"
    list_display = ["title", "kind", "provider", "starts_on", "trained_count"]
    list_filter = ["kind"]
    create_service = staticmethod(services.training_create)
    edit_service = staticmethod(services.training_update)
    delete_service = staticmethod(services.training_delete)
    instance_argument = "training"


class CooperationGroup(SnippetViewSetGroup):
    menu_label = _("Cooperation")
    menu_icon = "group"
    items = (AwardEditionViewSet, RecommendationViewSet, ResponsibleBodyViewSet, AgreementViewSet, TrainingViewSet)


register_snippet(CooperationGroup)
