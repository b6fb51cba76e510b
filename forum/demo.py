"""Demo forum: the forum tree (setup_forum) and a living community (forum/demo_data.py): the demo accounts and
practitioners of other municipalities, topics in every forum with replies, accepted answers, a poll, mentions and
questions about demo projects. Everything is written through the forum's services; idempotent (a topic whose subject
exists is left alone)."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from machina.core.db.models import get_model

from forum import demo_data, services

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

TOPIC_TYPES = {"post": Topic.TOPIC_POST, "sticky": Topic.TOPIC_STICKY, "announce": Topic.TOPIC_ANNOUNCE}
# Authors an earlier demo made up when the demo accounts were missing: their posts go to the demo accounts.
GHOSTS = {"forum-staff-hebron": "hebron", "forum-staff-nablus": "nablus", "forum-member": "member"}


def _people(*, stdout=None) -> dict:
    """The demo accounts (hub.accounts.demo) and the forum's practitioners, by username."""
    from hub.accounts import demo as accounts_demo

    people = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=[a.username for a in accounts_demo.ACCOUNTS])
    }
    for person in demo_data.PEOPLE:
        user = accounts_demo.ensure_character(
            accounts_demo.DemoAccount(
                person.username, "forum practitioner", person.display_name, person.job_title,
                municipality_slug=person.municipality, bio=person.bio,
            )
        )  # fmt: skip
        if user is not None:
            people[user.username] = user
    return people


@transaction.atomic
def _retire_ghosts(people: dict) -> None:
    """Give the posts of the made-up authors of an earlier demo to the demo accounts, and remove those authors."""
    user_model = get_user_model()
    for ghost_name, real_name in GHOSTS.items():
        ghost = user_model.objects.filter(username=ghost_name).first()
        real = people.get(real_name)
        if ghost is None or real is None:
            continue
        Topic.objects.filter(poster=ghost).update(poster=real)
        Post.objects.filter(poster=ghost).update(poster=real)
        for topic in Topic.objects.filter(subscribers=ghost):
            topic.subscribers.add(real)
        ghost.delete()


def load(*, stdout=None) -> None:
    """Create the forum tree and the demo community (idempotent)."""
    forums = services.setup_forum(stdout=stdout)
    people = _people(stdout=stdout)
    if "editor" not in people:
        if stdout:
            stdout.write("forum: the demo accounts are missing (see DEMO_PASSWORD); no demo topics.")
        return
    _retire_ghosts(people)
    now = timezone.now()
    existing = set(
        Topic.objects.filter(subject__in=[t.subject for t in demo_data.TOPICS]).values_list("subject", flat=True)
    )
    for spec in demo_data.TOPICS:
        if spec.subject in existing:
            continue
        _topic(spec=spec, forum=forums[spec.forum], people=people, start=now - datetime.timedelta(days=spec.days_ago))
        if stdout:
            stdout.write(f"forum: demo topic {spec.subject}")


@transaction.atomic
def _topic(*, spec, forum, people: dict, start: datetime.datetime) -> None:
    asker = people[spec.author]
    topic = services.topic_start(
        forum=forum, poster=asker, subject=spec.subject, content=spec.text, created=start,
        topic_type=TOPIC_TYPES[spec.kind], notify=False,
    )  # fmt: skip
    if spec.poll:
        poll = services.poll_create(
            topic=topic, question=spec.poll.question, options=list(spec.poll.options),
            max_options=spec.poll.max_options, duration=spec.poll.duration, user_changes=spec.poll.user_changes,
        )  # fmt: skip
        for option, voters in spec.poll.votes.items():
            for username in voters:
                services.poll_vote(poll=poll, user=people[username], options=[option])
    replies = [
        services.reply_add(
            topic=topic,
            poster=people[reply.author],
            content=reply.text,
            created=start + datetime.timedelta(hours=reply.hours + index),
            notify=False,
        )  # fmt: skip
        for index, reply in enumerate(spec.replies)
    ]
    if spec.accepted is not None:
        topic.refresh_from_db()
        services.mark_solution(topic=topic, post=replies[spec.accepted], user=asker)
    if spec.project:
        from projects_db import selectors as project_selectors

        project_id = (
            project_selectors.published_projects().filter(slug=spec.project).values_list("pk", flat=True).first()
        )
        if project_id is not None:
            services.link_topic_to_project(topic=topic, project_id=project_id)
    if spec.locked or spec.views:
        services.topic_import_state(topic=topic, locked=spec.locked, views=spec.views)
