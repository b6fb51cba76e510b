"""How a project becomes search documents: published projects only, one document per language it has."""

from __future__ import annotations

from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from search.registry import Adapter, Document, register, register_label_provider


class ProjectAdapter(Adapter):
    source_type = "project"
    label = _("Project")

    def documents(self, instance) -> list[Document]:
        if not instance.is_published:
            return []
        other = "en" if instance.language == "ar" else "ar"
        texts = {
            instance.language: (
                instance.title,
                "\n".join(
                    part
                    for part in (
                        instance.summary,
                        strip_tags(instance.description),
                        instance.lessons_learned,
                        instance.obstacles,
                        instance.technologies,
                    )
                    if part
                ),
            )
        }
        if instance.title_translation and instance.summary_translation:
            texts[other] = (instance.title_translation, instance.summary_translation)
        municipality = instance.lead_municipality
        governorate = municipality.governorate
        documents = []
        for language, (title, body) in texts.items():
            with translation.override(language):
                documents.append(
                    Document(
                        source_id=str(instance.pk),
                        language=language,
                        title=title,
                        body=body,
                        url=instance.get_absolute_url(),
                        municipality=municipality.slug,
                        municipality_name=municipality.name,
                        governorate=governorate.slug,
                        governorate_name=governorate.name,
                        category=instance.category.slug,
                        category_name=instance.category.name,
                        status=instance.status,
                        # the project's own date: launched, else started, else put online
                        published_at=instance.launch_date or instance.start_date or instance.published_at,
                        updated_at=instance.updated_at,
                    )
                )
        return documents

    def queryset(self):
        from projects_db.models import Project

        return Project.objects.published().select_related("lead_municipality__governorate", "category")


def _municipality_labels(*, values: set[str], language: str) -> dict[str, str]:
    from projects_db import selectors

    return selectors.search_labels(facet="municipality", values=values, language=language)


def _governorate_labels(*, values: set[str], language: str) -> dict[str, str]:
    from projects_db import selectors

    return selectors.search_labels(facet="governorate", values=values, language=language)


def _category_labels(*, values: set[str], language: str) -> dict[str, str]:
    from projects_db import selectors

    return selectors.search_labels(facet="category", values=values, language=language)


def register_adapter() -> None:
    register(ProjectAdapter())
    # Places and categories are named in both languages here: search shows them in the reader's.
    register_label_provider("municipality", _municipality_labels)
    register_label_provider("governorate", _governorate_labels)
    register_label_provider("category", _category_labels)
