"""Writes of the cooperation app: nominations, jury scores, results, votes, recommendations and their progress
updates, agreements, training programmes, follows.

Every rule is checked here, on the server: a refused action raises ValidationError (bad input or a closed window,
with a message for the user) or PermissionDenied (views answer 404), and changes nothing. The site's views, the
Wagtail snippets (hub/cooperation/wagtail_hooks.py) and the demo loader all call these functions; editors' writes
are recorded in Wagtail's audit log. A `user` of None is an operator at the command line (the demo loader).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hub.accounts import selectors as accounts_selectors
from hub.accounts.roles import is_editor, is_juror, staff_municipality_id
from hub.caching import bump_on_commit, bump_reader_on_commit
from hub.cooperation import selectors
from hub.cooperation.models import (
    Agreement,
    AwardCriterion,
    AwardEdition,
    DigestState,
    Follow,
    JuryScore,
    Nomination,
    ProgressUpdate,
    PublicVote,
    Recommendation,
    ResponsibleBody,
    TrainingProgramme,
)

if TYPE_CHECKING:
    from hub.accounts.models import User
    from projects_db.models import Project

NOMINABLE_STATUSES = ("live", "completed")

P = ParamSpec("P")
R = TypeVar("R")


def _shown_publicly(write: Callable[P, R]) -> Callable[P, R]:
    """A write that changes what cached public pages show (a municipality's agreements and awards, a project's
    nomination): they go stale when its transaction commits (hub.caching, section "cooperation")."""

    @functools.wraps(write)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        result = write(*args, **kwargs)
        bump_on_commit("cooperation")
        return result

    return wrapper


# ---- award: nominations ----


def _check_nomination(*, user, edition: AwardEdition, project, now) -> None:
    """Staff nominate for their own municipality while the window is open; an operator (user None) records a
    nomination for the project's lead municipality at any time. Either way only a published, live service."""
    if user is not None:
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
@_shown_publicly
def nomination_create(
    *,
    user: User | None,
    edition: AwardEdition,
    project: Project,
    what_it_does: str,
    users_count: int,
    what_changed: str,
) -> Nomination:
    """A verified staff member nominates one of their municipality's live projects (one per municipality).

    `user` None is an operator at the command line (the demo loader): see _check_nomination."""
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
    nomination.full_clean(exclude=["nominated_by"])  # set here, not by the form; None for an operator
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError:  # a colleague nominated at the same moment
        raise ValidationError(_("Your municipality has already made its nomination for this edition.")) from None
    return nomination


@transaction.atomic
@_shown_publicly
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
    # Who nominated stays as it was: None for a nomination an operator recorded, which its staff may still edit.
    nomination.full_clean(exclude=["nominated_by"])
    nomination.save()
    return nomination


# ---- award: editions (editors) ----

AWARD_EDITION_FIELDS = (
    "year",
    "title_ar",
    "title_en",
    "call_ar",
    "call_en",
    "nominations_open",
    "nominations_close",
    "jury_closes",
    "results_date",
    "vote_opens",
    "vote_closes",
    "score_max",
)
CRITERION_FIELDS = ("name_ar", "name_en", "weight", "sort_order")


def _check_fields(data: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})


def _save_criterion(criterion: AwardCriterion, values: dict) -> None:
    _check_fields(values, CRITERION_FIELDS)
    for name, value in values.items():
        setattr(criterion, name, value)
    criterion.full_clean()
    criterion.save()


@transaction.atomic
@_shown_publicly
def award_edition_create(*, user: User | None, data: dict, criteria: list[dict]) -> AwardEdition:
    """An editor opens an award edition with the criteria its jury will score (at least one)."""
    _require_editor(user)
    _check_fields(data, AWARD_EDITION_FIELDS)
    if not criteria:
        raise ValidationError(_("An award edition needs at least one criterion."))
    edition = AwardEdition(**data)
    edition.full_clean()
    edition.save()
    for order, values in enumerate(criteria):
        _save_criterion(AwardCriterion(edition=edition), {"sort_order": order} | values)
    _audit(edition, user=user, action="wagtail.create", content_changed=True)
    return edition


@transaction.atomic
@_shown_publicly
def award_edition_update(
    *,
    user: User | None,
    edition: AwardEdition,
    data: dict,
    new_criteria: list[dict] | None = None,
    changed_criteria: dict[int, dict] | None = None,
    removed_criterion_ids: list[int] | None = None,
) -> AwardEdition:
    """An editor changes an edition and its criteria; a criterion the jury has already scored is not removed."""
    _require_editor(user)
    _check_fields(data, AWARD_EDITION_FIELDS)
    edition = AwardEdition.objects.select_for_update().get(pk=edition.pk)
    new, changed, removed = new_criteria or [], changed_criteria or {}, set(removed_criterion_ids or [])
    criteria = {criterion.pk: criterion for criterion in edition.criteria.all()}
    if (set(changed) | removed) - set(criteria):
        raise ValidationError(_("This criterion belongs to another award edition."))
    if len(criteria) - len(removed) + len(new) < 1:
        raise ValidationError(_("An award edition needs at least one criterion."))
    if JuryScore.objects.filter(criterion_id__in=removed).exists():
        raise ValidationError(_("The jury has already scored this criterion: it cannot be removed."))
    for name, value in data.items():
        setattr(edition, name, value)
    edition.full_clean()
    edition.save()
    AwardCriterion.objects.filter(pk__in=removed).delete()
    for pk, values in changed.items():
        _save_criterion(criteria[pk], values)
    for order, values in enumerate(new, start=len(criteria)):
        _save_criterion(AwardCriterion(edition=edition), {"sort_order": order} | values)
    _audit(
        edition,
        user=user,
        action="wagtail.edit",
        content_changed=True,
        data={"criteria_added": len(new), "criteria_changed": len(changed), "criteria_removed": len(removed)},
    )
    return edition


@transaction.atomic
@_shown_publicly
def award_edition_delete(*, user: User | None, edition: AwardEdition) -> None:
    """An editor deletes an edition with its criteria, nominations, scores and votes."""
    _require_editor(user)
    _audit(edition, user=user, action="wagtail.delete", deleted=True)
    edition.delete()


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
@_shown_publicly
def jury_close(*, user: User | None, edition: AwardEdition) -> AwardEdition:
    """An editor closes the jury before its date once every juror has scored, so the winners can be published."""
    _require_editor(user)
    edition = AwardEdition.objects.select_for_update().get(pk=edition.pk)
    now = timezone.now()
    if not edition.jury_is_open(now):
        raise ValidationError(_("The jury is not scoring this edition now."))
    edition.jury_closes = now
    edition.full_clean()
    edition.save(update_fields=["jury_closes"])
    _audit(edition, user=user, action="wagtail.edit", content_changed=True, data={"jury_closed_early": True})
    return edition


@transaction.atomic
@_shown_publicly
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
    if not accounts_selectors.has_verified_email(user=user):
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


# ---- editors' writes: who may, and the audit log ----


def _require_editor(user) -> None:
    if user is not None and not is_editor(user):
        raise PermissionDenied


def _audit(instance, *, user, action: str, **kwargs) -> None:
    """A line in Wagtail's audit log: the snippet's History tab and the site history report show it."""
    from wagtail.log_actions import log

    log(instance=instance, action=action, user=user if getattr(user, "is_authenticated", False) else None, **kwargs)


# ---- responsible bodies (who carries a recommendation out) ----

RESPONSIBLE_BODY_FIELDS = ("name_ar", "name_en", "slug")


def _save_body(body: ResponsibleBody, data: dict) -> dict:
    _check_fields(data, RESPONSIBLE_BODY_FIELDS)
    changed = {name: [getattr(body, name), value] for name, value in data.items() if getattr(body, name) != value}
    for name, value in data.items():
        setattr(body, name, value)
    body.full_clean()
    body.save()
    return changed


@transaction.atomic
@_shown_publicly
def responsible_body_create(*, user: User | None, data: dict) -> ResponsibleBody:
    """An editor adds a body that recommendations can be assigned to."""
    _require_editor(user)
    body = ResponsibleBody()
    _save_body(body, data)
    _audit(body, user=user, action="wagtail.create", content_changed=True)
    return body


@transaction.atomic
@_shown_publicly
def responsible_body_update(*, user: User | None, body: ResponsibleBody, data: dict) -> ResponsibleBody:
    """An editor renames a responsible body; recommendation pages read its name live."""
    _require_editor(user)
    body = ResponsibleBody.objects.select_for_update().get(pk=body.pk)
    changed = _save_body(body, data)
    _audit(body, user=user, action="wagtail.edit", content_changed=bool(changed), data={"changed": sorted(changed)})
    return body


@transaction.atomic
@_shown_publicly
def responsible_body_delete(*, user: User | None, body: ResponsibleBody) -> None:
    """An editor deletes a body no recommendation is assigned to (else a ValidationError says why)."""
    _require_editor(user)
    if body.recommendations.exists():
        raise ValidationError(_("Recommendations are still assigned to this body: assign them to another one first."))
    _audit(body, user=user, action="wagtail.delete", deleted=True)
    body.delete()


# ---- recommendations ----

RECOMMENDATION_FIELDS = ("event", "number", "slug", "title_ar", "title_en", "text_ar", "text_en", "body", "status")


@transaction.atomic
@_shown_publicly
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
    _require_editor(user)
    author = user if getattr(user, "is_authenticated", False) else None
    update = ProgressUpdate(recommendation=recommendation, date=date, text_ar=text_ar, text_en=text_en, author=author)
    update.full_clean()
    update.save()
    if status and status != recommendation.status:
        recommendation.status = status
        recommendation.full_clean()
        recommendation.save(update_fields=["status", "updated_at"])
    else:
        recommendation.save(update_fields=["updated_at"])
    return update


def _save_recommendation(
    recommendation: Recommendation, *, user, data: dict, new_updates: list[dict], changed_updates: dict[int, dict]
) -> None:
    for name in RECOMMENDATION_FIELDS:
        if name in data:
            setattr(recommendation, name, data[name])
    recommendation.full_clean()
    for name in ("projects", "pages"):
        if name in data:
            getattr(recommendation, name).set(data[name])
    recommendation.save()
    updates = {update.pk: update for update in recommendation.updates.filter(pk__in=changed_updates)}
    for pk, values in changed_updates.items():
        update = updates.get(pk)
        if update is None:
            raise ValidationError(_("This progress update belongs to another recommendation."))
        update.date, update.text_ar, update.text_en = values["date"], values["text_ar"], values.get("text_en", "")
        update.full_clean()
        update.save(update_fields=["date", "text_ar", "text_en"])
    for values in new_updates:
        recommendation_add_update(
            user=user,
            recommendation=recommendation,
            date=values["date"],
            text_ar=values["text_ar"],
            text_en=values.get("text_en", ""),
        )


@transaction.atomic
@_shown_publicly
def recommendation_create(*, user: User | None, data: dict, new_updates: list[dict] | None = None) -> Recommendation:
    """An editor records a recommendation, with its first progress updates (each signed by the editor)."""
    _require_editor(user)
    recommendation = Recommendation()
    _save_recommendation(recommendation, user=user, data=data, new_updates=new_updates or [], changed_updates={})
    _audit(recommendation, user=user, action="wagtail.create", content_changed=True)
    return recommendation


@transaction.atomic
@_shown_publicly
def recommendation_update(
    *,
    user: User | None,
    recommendation: Recommendation,
    data: dict,
    new_updates: list[dict] | None = None,
    changed_updates: dict[int, dict] | None = None,
    removed_update_ids: list[int] | None = None,
) -> Recommendation:
    """An editor edits a recommendation: new progress updates are signed by them, corrected ones keep their author."""
    _require_editor(user)
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if removed_update_ids:
        recommendation.updates.filter(pk__in=removed_update_ids).delete()
    _save_recommendation(
        recommendation, user=user, data=data, new_updates=new_updates or [], changed_updates=changed_updates or {}
    )
    _audit(
        recommendation,
        user=user,
        action="wagtail.edit",
        content_changed=True,
        data={
            "updates_added": len(new_updates or []),
            "updates_changed": len(changed_updates or {}),
            "updates_removed": len(removed_update_ids or []),
        },
    )
    return recommendation


@transaction.atomic
@_shown_publicly
def recommendation_delete(*, user: User | None, recommendation: Recommendation) -> None:
    """An editor deletes a recommendation with its progress updates; the follows of it go too."""
    _require_editor(user)
    _audit(recommendation, user=user, action="wagtail.delete", deleted=True)
    Follow.objects.filter(kind=Follow.Kind.RECOMMENDATION, target_id=recommendation.pk).delete()
    recommendation.delete()


# ---- agreements ----

AGREEMENT_FIELDS = ("kind", "title_ar", "title_en", "signed_on", "aims_ar", "aims_en")


def _check_parties(parties, organisations) -> None:
    """At least one municipality, and at least two parties in all (municipalities and other institutions)."""
    municipalities = {p.pk for p in parties or []}
    if not municipalities:
        raise ValidationError({"parties": _("An agreement needs at least one municipality.")})
    if len(municipalities) + len({o.pk for o in organisations or []}) < 2:
        raise ValidationError({"parties": _("An agreement needs at least two parties.")})


@transaction.atomic
@_shown_publicly
def agreement_create(
    *,
    user: User | None,
    kind: str,
    title_ar: str,
    title_en: str,
    signed_on: datetime.date,
    parties: list,
    organisations: list | None = None,
    aims_ar: str = "",
    aims_en: str = "",
    projects: list | None = None,
) -> Agreement:
    """An editor records an agreement between municipalities (and universities or other institutions)."""
    _require_editor(user)
    _check_parties(parties, organisations)
    agreement = Agreement(
        kind=kind, title_ar=title_ar, title_en=title_en, signed_on=signed_on, aims_ar=aims_ar, aims_en=aims_en
    )
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties)
    agreement.organisations.set(organisations or [])
    agreement.projects.set(projects or [])
    agreement.save()
    _audit(agreement, user=user, action="wagtail.create", content_changed=True)
    return agreement


@transaction.atomic
@_shown_publicly
def agreement_update(*, user: User | None, agreement: Agreement, data: dict) -> Agreement:
    """An editor corrects an agreement; it still needs a municipality and a second party."""
    _require_editor(user)
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if "parties" in data or "organisations" in data:
        _check_parties(
            data.get("parties", agreement.parties.all()), data.get("organisations", agreement.organisations.all())
        )
    for name in AGREEMENT_FIELDS:
        if name in data:
            setattr(agreement, name, data[name])
    agreement.full_clean()
    for name in ("parties", "organisations", "projects"):
        if name in data:
            getattr(agreement, name).set(data[name] or [])
    agreement.save()
    _audit(agreement, user=user, action="wagtail.edit", content_changed=True)
    return agreement


@transaction.atomic
@_shown_publicly
def agreement_delete(*, user: User | None, agreement: Agreement) -> None:
    """An editor deletes an agreement: it leaves the pages of its municipalities."""
    _require_editor(user)
    _audit(agreement, user=user, action="wagtail.delete", deleted=True)
    agreement.delete()


# ---- training programmes ----

TRAINING_FIELDS = (
    "kind",
    "title_ar",
    "title_en",
    "slug",
    "provider",
    "provider_municipality",
    "audience_ar",
    "audience_en",
    "starts_on",
    "ends_on",
    "topics_ar",
    "topics_en",
    "trained_count",
    "summary_ar",
    "summary_en",
    "agreement",
    "event",
)


def _save_training(training: TrainingProgramme, data: dict) -> list[str]:
    _check_fields(data, (*TRAINING_FIELDS, "municipalities"))
    if "municipalities" in data and not data["municipalities"]:
        raise ValidationError({"municipalities": _("Name at least one municipality whose staff are trained.")})
    event = data.get("event")
    if event is not None and getattr(event, "kind", "training") != "training":
        raise ValidationError({"event": _("Only an event of type training can announce a training programme.")})
    changed = [name for name in TRAINING_FIELDS if name in data and getattr(training, name) != data[name]]
    for name in TRAINING_FIELDS:
        if name in data:
            setattr(training, name, data[name])
    training.full_clean()
    training.save()
    if "municipalities" in data:
        training.municipalities.set(data["municipalities"])
    bump_on_commit("cooperation", "pages")  # the municipality panels and a training event's page list programmes
    return changed


@transaction.atomic
def training_create(*, user: User | None, data: dict) -> TrainingProgramme:
    """An editor records a training programme or course: who trains whom, when, on what, how many trained."""
    _require_editor(user)
    if not data.get("municipalities"):
        raise ValidationError({"municipalities": _("Name at least one municipality whose staff are trained.")})
    training = TrainingProgramme()
    _save_training(training, data)
    _audit(training, user=user, action="wagtail.create", content_changed=True)
    return training


@transaction.atomic
def training_update(*, user: User | None, training: TrainingProgramme, data: dict) -> TrainingProgramme:
    """An editor corrects a training programme (e.g. the number trained once it ends)."""
    _require_editor(user)
    training = TrainingProgramme.objects.select_for_update().get(pk=training.pk)
    changed = _save_training(training, data)
    _audit(training, user=user, action="wagtail.edit", content_changed=True, data={"changed": changed})
    return training


@transaction.atomic
def training_delete(*, user: User | None, training: TrainingProgramme) -> None:
    """An editor deletes a training programme: it leaves the pages of its municipalities and event."""
    _require_editor(user)
    _audit(training, user=user, action="wagtail.delete", deleted=True)
    training.delete()
    bump_on_commit("cooperation", "pages")


# ---- follows and the digest ----


@transaction.atomic
def follow_toggle(*, user: User, kind: str, target_id: int) -> bool:
    """Follow (or stop following) a municipality, category or recommendation; returns True when now followed."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    if kind not in Follow.Kind.values or not selectors.follow_target_exists(kind=kind, target_id=target_id):
        raise ValidationError(_("There is nothing to follow here."))
    bump_reader_on_commit(user.pk)  # the follow buttons on this reader's cached pages
    deleted, _rows = Follow.objects.filter(user=user, kind=kind, target_id=target_id).delete()
    if deleted:
        return False
    follow = Follow(user=user, kind=kind, target_id=target_id)
    follow.full_clean()
    follow.save()
    DigestState.objects.filter(user=user).update(unsubscribed=False)
    return True


def follow_set(*, user: User, kind: str, target_id: int, follow: bool) -> bool:
    """Follow or stop following, as the button the user pressed said (so a second click of the same button, or
    a page left open, changes nothing); returns True when now followed."""
    if follow != selectors.is_following(user=user, kind=kind, target_id=target_id):
        return follow_toggle(user=user, kind=kind, target_id=target_id)
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    if kind not in Follow.Kind.values or not selectors.follow_target_exists(kind=kind, target_id=target_id):
        raise ValidationError(_("There is nothing to follow here."))
    return follow


@transaction.atomic
def digest_unsubscribe(*, user: User) -> None:
    state, _created = DigestState.objects.get_or_create(user=user)
    state.unsubscribed = True
    state.save(update_fields=["unsubscribed"])


def digest_mark_sent(*, user_id: int, when: datetime.datetime) -> None:

    DigestState.objects.update_or_create(user_id=user_id, defaults={"last_sent_at": when})
