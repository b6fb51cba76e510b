"""Forum posts as search documents (search/ adapter): approved posts only, visible to readers of their forum."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from machina.core.db.models import get_model

from forum.selectors import forum_name
from search.registry import Adapter, Document, Visibility

Post = get_model("forum_conversation", "Post")

SOURCE_TYPE = "forum_post"
ARABIC = re.compile("[\u0600-\u06ff]")


def post_language(text: str) -> str:
    letters = re.findall(r"[^\W\d_]", text)
    if not letters:
        return "ar"
    arabic = sum(1 for ch in letters if ARABIC.match(ch))
    return "ar" if arabic * 3 >= len(letters) else "en"


def post_url(post, language: str) -> str:
    topic = post.topic
    with translation.override(language):
        path = reverse(
            "forum_conversation:topic",
            kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "slug": topic.slug, "pk": topic.pk},
        )
    return f"{path}?post={post.pk}#{post.pk}"


class ForumPostAdapter(Adapter):
    source_type = SOURCE_TYPE
    label = _("Forum post")

    def documents(self, instance) -> list[Document]:
        post = instance
        topic = post.topic
        if not post.approved or not topic.approved:
            return []
        raw = post.content.raw if hasattr(post.content, "raw") else str(post.content or "")
        rendered = getattr(post, "_content_rendered", None) or raw
        body = strip_tags(rendered)
        language = post_language(f"{topic.subject} {body}")
        place = _place(topic=topic, language=language)
        return [
            Document(
                **place,
                source_id=str(post.pk),
                language=language,
                title=topic.subject if post.pk == topic.first_post_id or not post.subject else post.subject,
                body=body,
                url=post_url(post, language),
                category=topic.forum.slug,
                category_name=forum_name(forum=topic.forum, language=language),
                status="solved" if hasattr(topic, "solution") else "",
                published_at=post.created,
                updated_at=post.updated,
                visibility=Visibility.FORUM,
                forum_ids=[topic.forum_id],
            )
        ]

    def queryset(self):
        return Post.objects.filter(approved=True, topic__approved=True).select_related(*TOPIC_RELATED)


# What a post's document reads of its topic, loaded with it (the reply view loads its topic so: no query more).
TOPIC_RELATED = ("topic", "topic__forum__hub_names", "topic__poster__municipality__governorate")


def _place(*, topic, language: str) -> dict[str, str]:
    """The topic's municipality: that of the member who started it, if verified municipal staff (a question asked
    by Hebron's staff is Hebron's), so related items and facets name it; nothing for anyone else."""
    municipality = topic.poster.municipality if topic.poster_id else None
    if municipality is None:
        return {}
    with translation.override(language):
        return {
            "municipality": municipality.slug,
            "municipality_name": municipality.name,
            "governorate": municipality.governorate.slug,
            "governorate_name": municipality.governorate.name,
        }


def index_post(post) -> None:
    from search import services

    services.index_instance(source_type=SOURCE_TYPE, instance=post)


def unindex_post(post_id) -> None:
    from search import services

    services.unindex(source_type=SOURCE_TYPE, source_id=post_id)
