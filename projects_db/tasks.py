"""Background work of projects_db: review e-mails and portal checks. Every task can run twice safely."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

import hub.site_address as site_address
from hub.accounts.roles import MINISTRY_EDITORS
from hub.accounts.selectors import languages_of
from hub.places import selectors as places
from projects_db.models import ProjectChange

TO_EDITORS = {ProjectChange.Action.SUBMITTED, ProjectChange.Action.CHANGE_PROPOSED}
TO_MUNICIPALITY = {
    ProjectChange.Action.RETURNED,
    ProjectChange.Action.CHANGE_RETURNED,
    ProjectChange.Action.PUBLISHED,
    ProjectChange.Action.CHANGE_APPROVED,
}


def _recipients(change: ProjectChange) -> dict[str, str]:
    """{e-mail address: the language its owner reads}."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if change.action in TO_EDITORS:
        users = users.filter(Q(groups__name=MINISTRY_EDITORS) | Q(is_superuser=True))
    elif change.action in TO_MUNICIPALITY:
        project = change.project
        ids = {project.owner_id, project.submitted_by_id}
        revision = getattr(project, "pending_revision", None)
        if revision is not None:
            ids.add(revision.author_id)
        users = users.filter(pk__in=[i for i in ids if i])
    else:
        return {}
    people = dict(users.values_list("pk", "email").distinct())
    languages = languages_of(user_ids=people)
    return {email: languages[pk] for pk, email in sorted(people.items(), key=lambda item: item[1])}


@task()
def notify_review(*, change_id: int) -> int:
    """E-mail the other side of a review step (editors on submission, the municipality on a decision)."""
    with transaction.atomic():
        change = (
            ProjectChange.objects.select_for_update(of=("self",))
            .select_related("project", "user")
            .filter(pk=change_id, notified_at__isnull=True)
            .first()
        )
        if change is None:  # already sent, or gone
            return 0
        recipients = _recipients(change)
        context = {"change": change, "project": change.project, "site_url": site_address.site_url()}
        for language in sorted(set(recipients.values())):  # one e-mail per language, each in its readers' language
            with translation.override(language):
                subject = render_to_string("projects_db/email/review_subject.txt", context).strip()
                body = render_to_string("projects_db/email/review_body.txt", context)
            send_mail(subject, body, None, sorted(e for e, lang in recipients.items() if lang == language))
        change.notified_at = timezone.now()
        change.save(update_fields=["notified_at"])
    return len(recipients)


@task()
def check_portal(*, municipality_id: int, timeout: float = 10.0) -> bool:
    """Check one municipality's portal address and record the result."""
    from hub.places.services import municipality_record_portal_check
    from projects_db.portals import probe

    municipality = places.municipalities().filter(pk=municipality_id).exclude(portal_url="").first()
    if municipality is None:
        return False
    ok, status = probe(municipality.portal_url, timeout=timeout)
    municipality_record_portal_check(municipality_id=municipality_id, ok=ok, status=status)
    return ok
