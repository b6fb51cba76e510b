"""Writes of the cooperation app: nominations, jury scores, results, votes, progress updates, agreements, follows.

Every rule is checked here, on the server: a refused action raises ValidationError (bad input or a closed window,
with a message for the user) or PermissionDenied (views answer 404), and changes nothing.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hub.accounts.roles import is_editor, is_juror, staff_municipality_id
from hub.cooperation import selectors
from hub.cooperation.models import (
    Agreement,
    AwardEdition,
    DigestState,
    Follow,
    JuryScore,
    Nomination,
    ProgressUpdate,
    PublicVote,
    Recommendation,
)

if TYPE_CHECKING:
    from hub.accounts.models import User
    from projects_db.models import Project

NOMINABLE_STATUSES = ("live", "completed")


# ---- award: nominations ----


def _check_nomination(*, user, edition: AwardEdition, project, now) -> None:
    municipality_id = staff_municipality_id(user)
    if municipality_id is None:
        raise PermissionDenied
    if not edition.nominations_are_open(now):
        raise ValidationError(_("Nominations for this edition are not open."))
    if project.lead_municipality_id != municipality_id:
        raise ValidationError(_("You can only nominate a project of your own municipality."))
    if not project.is_published or project.status not in NOMINABLE_STATUSES:
        raise ValidationError(_("Only a published, live service can be nominated."))


@transaction.atomic
def nomination_create(
    *, user: User, edition: AwardEdition, project: Project, what_it_does: str, users_count: int, what_changed: str
) -> Nomination:
    """A verified staff member nominates one of their municipality's live projects (one per municipality)."""
    now = timezone.now()
    _check_nomination(user=user, edition=edition, project=project, now=now)
    if Nomination.objects.filter(edition=edition, municipality_id=project.lead_municipality_id).exists():
        raise ValidationError(_("Your municipality has already made its nomination for this edition."))
    nomination = Nomination(
        edition=edition,
        municipality_id=project.lead_municipality_id,
        project=project,
        what_it_does=what_it_does,
        users_count=users_count,
        what_changed=what_changed,
        nominated_by=user,
    )
    nomination.full_clean()
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError:  # a colleague nominated at the same moment
        raise ValidationError(_("Your municipality has already made its nomination for this edition.")) from None
    return nomination


@transaction.atomic
def nomination_update(
    *, user: User, nomination: Nomination, project: Project, what_it_does: str, users_count: int, what_changed: str
) -> Nomination:
    """Staff of the nominating municipality edit their nomination until the window closes."""
    if staff_municipality_id(user) != nomination.municipality_id:
        raise PermissionDenied
    _check_nomination(user=user, edition=nomination.edition, project=project, now=timezone.now())
    nomination.project = project
    nomination.what_it_does = what_it_does
    nomination.users_count = users_count
    nomination.what_changed = what_changed
    nomination.full_clean()
    nomination.save()
    return nomination


# ---- award: the jury ----


@transaction.atomic
def scores_submit(*, user: User, nomination: Nomination, scores: dict[int, tuple[int, str]]) -> list[JuryScore]:
    """A juror scores one nomination on every criterion ({criterion_id: (value, comment)}); all or nothing."""
    if not is_juror(user):
        raise PermissionDenied
    edition = nomination.edition
    if not edition.jury_is_open():
        raise ValidationError(_("The jury is not scoring this edition now."))
    criteria = {c.pk: c for c in edition.criteria.all()}
    if set(scores) != set(criteria):
        raise ValidationError(_("Give a score for every criterion."))
    saved = []
    for criterion_id, (value, comment) in scores.items():
        if value is None or not 0 <= int(value) <= edition.score_max:
            raise ValidationError(_("A score must be between 0 and %(max)s.") % {"max": edition.score_max})
        score, _created = JuryScore.objects.get_or_create(
            nomination=nomination,
            criterion=criteria[criterion_id],
            juror=user,
            defaults={"value": int(value), "comment": comment},
        )
        score.value, score.comment = int(value), comment
        score.full_clean(exclude=["nomination", "criterion", "juror"])
        score.save()
        saved.append(score)
    return saved


@transaction.atomic
def results_publish(*, user: User, edition: AwardEdition, winner_ids: list[int]) -> AwardEdition:
    """An editor publishes the winners (in prize order) once the jury has closed."""
    if not is_editor(user):
        raise PermissionDenied
    if not edition.jury_is_closed():
        raise ValidationError(_("Results can be published only after the jury has closed."))
    nominations = {n.pk: n for n in edition.nominations.all()}
    if not winner_ids or any(pk not in nominations for pk in winner_ids) or len(set(winner_ids)) != len(winner_ids):
        raise ValidationError(_("Choose the winners among this edition's nominations."))
    edition.nominations.update(winner_rank=None)
    for rank, pk in enumerate(winner_ids, start=1):
        Nomination.objects.filter(pk=pk).update(winner_rank=rank)
    edition.results_published_at = timezone.now()
    edition.save(update_fields=["results_published_at"])
    return edition


# ---- award: the public vote ----


@transaction.atomic
def vote_cast(*, user: User, nomination: Nomination) -> PublicVote:
    """One vote per verified account per edition, while the vote is open."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    if not selectors.user_has_verified_email(user=user):
        raise ValidationError(_("Confirm your e-mail address before voting."))
    edition = nomination.edition
    if not edition.vote_is_open():
        raise ValidationError(_("The public vote is not open."))
    if PublicVote.objects.filter(edition=edition, user=user).exists():
        raise ValidationError(_("You have already voted in this edition."))
    vote = PublicVote(edition=edition, nomination=nomination, user=user)
    vote.full_clean()
    try:
        with transaction.atomic():
            vote.save()
    except IntegrityError:
        raise ValidationError(_("You have already voted in this edition.")) from None
    return vote


# ---- recommendations ----


@transaction.atomic
def recommendation_add_update(
    *,
    user: User,
    recommendation: Recommendation,
    date: datetime.date,
    text_ar: str,
    text_en: str = "",
    status: str = "",
) -> ProgressUpdate:
    """An editor records progress on a recommendation, and may move its status."""
    if not is_editor(user):
        raise PermissionDenied
    update = ProgressUpdate(recommendation=recommendation, date=date, text_ar=text_ar, text_en=text_en, author=user)
    update.full_clean()
    update.save()
    if status and status != recommendation.status:
        recommendation.status = status
        recommendation.full_clean()
        recommendation.save(update_fields=["status", "updated_at"])
    else:
        recommendation.save(update_fields=["updated_at"])
    return update


# ---- twinning ----


@transaction.atomic
def agreement_create(
    *,
    user: User,
    kind: str,
    title_ar: str,
    title_en: str,
    signed_on: datetime.date,
    parties: list,
    aims_ar: str = "",
    aims_en: str = "",
    projects: list | None = None,
) -> Agreement:
    """An editor records an agreement between at least two municipalities."""
    if not is_editor(user):
        raise PermissionDenied
    if len({p.pk for p in parties}) < 2:
        raise ValidationError(_("An agreement needs at least two municipalities."))
    agreement = Agreement(
        kind=kind, title_ar=title_ar, title_en=title_en, signed_on=signed_on, aims_ar=aims_ar, aims_en=aims_en
    )
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties)
    agreement.projects.set(projects or [])
    agreement.save()
    return agreement


# ---- follows and the digest ----


@transaction.atomic
def follow_toggle(*, user: User, kind: str, target_id: int) -> bool:
    """Follow (or stop following) a municipality, category or recommendation; returns True when now followed."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    if kind not in Follow.Kind.values or not selectors.follow_target_exists(kind=kind, target_id=target_id):
        raise ValidationError(_("There is nothing to follow here."))
    deleted, _rows = Follow.objects.filter(user=user, kind=kind, target_id=target_id).delete()
    if deleted:
        return False
    follow = Follow(user=user, kind=kind, target_id=target_id)
    follow.full_clean()
    follow.save()
    DigestState.objects.filter(user=user).update(unsubscribed=False)
    return True


@transaction.atomic
def digest_unsubscribe(*, user: User) -> None:
    state, _created = DigestState.objects.get_or_create(user=user)
    state.unsubscribed = True
    state.save(update_fields=["unsubscribed"])


def digest_mark_sent(*, user_id: int, when: datetime.datetime) -> None:

    DigestState.objects.update_or_create(user_id=user_id, defaults={"last_sent_at": when})
