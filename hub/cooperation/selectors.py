"""Reads of the cooperation app: award pages and ranking, recommendations, agreements, training, the matcher, the
digest."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.core import signing
from django.db.models import Avg, Count, F, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import get_language

from hub import unsubscribe
from hub.accounts.roles import is_editor, is_juror
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
    ResponsibleBody,
    TrainingProgramme,
)
from hub.places import selectors as places
from projects_db import selectors as projects

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from hub.accounts.models import User
    from hub.places.models import Municipality
    from projects_db.models import Category, Project
    from search.engines.base import Engine

# ---- award ----


def _editions() -> QuerySet[AwardEdition]:
    return AwardEdition.objects.prefetch_related("criteria")


def other_editions(*, edition: AwardEdition) -> QuerySet[AwardEdition]:
    """Every other edition, newest first (the award page links them: one may be judged while the next is open)."""
    return AwardEdition.objects.exclude(pk=edition.pk).order_by("-year")


def edition_by_year(*, year: int) -> AwardEdition | None:
    return _editions().filter(year=year).first()


def current_edition() -> AwardEdition | None:
    """The newest edition (the one whose call is shown)."""
    return _editions().order_by("-year").first()


def past_editions_with_winners() -> QuerySet[AwardEdition]:
    """Editions whose results are published, each with its winners (and their projects) in prize order."""
    winners = (
        Nomination.objects.filter(winner_rank__isnull=False)
        .select_related("project", "municipality")
        .order_by("winner_rank")
    )
    return (
        AwardEdition.objects.filter(results_published_at__isnull=False)
        .prefetch_related(Prefetch("nominations", queryset=winners, to_attr="winners"))
        .order_by("-year")
    )


def nominations_of(*, edition: AwardEdition) -> list[Nomination]:
    """The public list of nominees, with their project and municipality."""
    return list(
        edition.nominations.select_related("project__category", "municipality").order_by("municipality__name_en")
    )


def nomination_for_municipality(*, edition: AwardEdition, municipality_id: int | None) -> Nomination | None:
    if municipality_id is None:
        return None
    return edition.nominations.select_related("project").filter(municipality_id=municipality_id).first()


def nomination_in_edition(*, edition: AwardEdition, pk: int) -> Nomination | None:
    return (
        Nomination.objects.select_related("edition", "project", "municipality").filter(edition=edition, pk=pk).first()
    )


def nominable_projects(*, user: User | AnonymousUser) -> QuerySet[Project]:
    """The published live (or completed) projects the user's municipality leads."""
    municipality_id = getattr(user, "municipality_id", None)
    queryset = projects.published_projects().filter(status__in=("live", "completed"))
    if municipality_id is None:
        return queryset.none()
    return queryset.filter(lead_municipality_id=municipality_id).order_by("title")


def juror_scores(*, edition: AwardEdition, juror: User) -> dict[int, dict[int, JuryScore]]:
    """A juror's own scores only: {nomination_id: {criterion_id: score}} (never another juror's)."""
    result: dict[int, dict[int, JuryScore]] = defaultdict(dict)
    for score in JuryScore.objects.filter(nomination__edition=edition, juror=juror):
        result[score.nomination_id][score.criterion_id] = score
    return dict(result)


def user_may_see_ranking(*, user: User | AnonymousUser, edition: AwardEdition) -> bool:
    """Editors always; jurors once the jury has closed (before that, no juror sees another's scores)."""
    return is_editor(user) or (is_juror(user) and edition.jury_is_closed())


@dataclass
class RankedNomination:
    nomination: Nomination
    score: Decimal  # weighted mean, on the edition's scale
    rank: int
    tied: bool = False
    criteria: dict[int, Decimal] = field(default_factory=dict)  # criterion id -> mean score
    jurors: int = 0
    votes: int = 0


def edition_ranking(*, edition: AwardEdition) -> list[RankedNomination]:
    """The jury's weighted ranking: per criterion the mean of the jurors' scores, weighted by the criterion.

    Three queries whatever the size: nominations, per-criterion means, public vote counts. Equal scores share a
    rank and are marked as tied. Public votes are counted beside, never added into the score.
    """
    nominations = nominations_of(edition=edition)
    weights = {c.pk: Decimal(c.weight) for c in edition.criteria.all()}
    means: dict[int, dict[int, Decimal]] = defaultdict(dict)
    jurors: dict[int, set] = defaultdict(set)
    rows = (
        JuryScore.objects.filter(nomination__edition=edition)
        .values("nomination_id", "criterion_id")
        .annotate(mean=Avg("value"), jurors=Count("juror_id", distinct=True))
    )
    for row in rows:
        means[row["nomination_id"]][row["criterion_id"]] = Decimal(row["mean"])
        jurors[row["nomination_id"]].add(row["jurors"])
    votes = vote_counts(edition=edition)
    total_weight = sum(weights.values()) or Decimal(1)
    ranked = []
    for nomination in nominations:
        per_criterion = means.get(nomination.pk, {})
        weighted = sum((weights[c] * per_criterion.get(c, Decimal(0)) for c in weights), Decimal(0)) / total_weight
        ranked.append(
            RankedNomination(
                nomination=nomination,
                score=weighted.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
                rank=0,
                criteria=per_criterion,
                jurors=max(jurors.get(nomination.pk, {0})),
                votes=votes.get(nomination.pk, 0),
            )
        )
    ranked.sort(key=lambda r: (-r.score, r.nomination.municipality.name_en))
    for position, row in enumerate(ranked, start=1):
        previous = ranked[position - 2] if position > 1 else None
        if previous is not None and previous.score == row.score:
            row.rank = previous.rank
            row.tied = previous.tied = True
        else:
            row.rank = position
    return ranked


def award_participation() -> list[dict]:
    """Per edition, oldest first: its year, how many nominations and municipalities took part (one query)."""
    rows = AwardEdition.objects.annotate(
        nominations_count=Count("nominations", distinct=True),
        municipalities_count=Count("nominations__municipality", distinct=True),
    ).order_by("year")
    return [
        {"year": e.year, "nominations": e.nominations_count, "municipalities": e.municipalities_count} for e in rows
    ]


def vote_counts(*, edition: AwardEdition) -> dict[int, int]:
    rows = PublicVote.objects.filter(edition=edition).values("nomination_id").annotate(n=Count("id"))
    return {row["nomination_id"]: row["n"] for row in rows}


def user_vote(*, edition: AwardEdition, user: User | AnonymousUser) -> PublicVote | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return PublicVote.objects.filter(edition=edition, user=user).first()  # type: ignore[misc]  # signed in here


def nominations_to_score(*, user: User | AnonymousUser, limit: int = 20) -> tuple[int, list[Nomination]]:
    """(how many, the `limit` oldest) nominations a juror has not scored on every criterion, in editions whose jury
    is open now; (0, []) for anyone not on the jury. Two queries whatever the number of nominations."""
    if not is_juror(user):
        return 0, []
    now = timezone.now()
    queryset = (
        Nomination.objects.filter(edition__nominations_close__lte=now, edition__jury_closes__gt=now)
        .annotate(
            mine=Count("scores", filter=Q(scores__juror=user), distinct=True),
            criteria_count=Count("edition__criteria", distinct=True),
        )
        .filter(mine__lt=F("criteria_count"))
        .select_related("edition", "project", "municipality")
        .order_by("edition__nominations_close", "created_at", "pk")
    )
    return queryset.count(), list(queryset[:limit])


def editions_awaiting_results(*, user: User | AnonymousUser) -> list[AwardEdition]:
    """Editions whose jury has closed and whose winners are not published yet: for editors to decide."""
    if not is_editor(user):
        return []
    return list(
        AwardEdition.objects.filter(jury_closes__lte=timezone.now(), results_published_at=None).order_by("jury_closes")
    )


# ---- recommendations ----


@dataclass
class RecommendationFilters:
    status: str = ""
    body: str = ""  # slug

    @classmethod
    def from_query(cls, query) -> RecommendationFilters:
        status = query.get("status", "")
        return cls(
            status=status if status in Recommendation.Status.values else "",
            body=(query.get("body", "") or "")[:120],
        )


def recommendation_list(*, filters: RecommendationFilters | None = None) -> QuerySet[Recommendation]:
    """Recommendations with their body, event, updates (newest first), projects and pages: five queries."""
    filters = filters or RecommendationFilters()
    queryset = Recommendation.objects.select_related("body", "event").prefetch_related(
        Prefetch("updates", queryset=ProgressUpdate.objects.order_by("-date", "-id")),
        Prefetch("projects", queryset=projects.published_projects()),
        Prefetch("pages", queryset=_live_pages()),
    )
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.body:
        queryset = queryset.filter(body__slug=filters.body)
    return queryset.order_by("number", "id")


def _live_pages():
    from wagtail.models import Page

    return Page.objects.live().public().specific(defer=True)


def recommendation_progress() -> dict:
    """Overall progress: how many recommendations in each status, and the share done."""
    counts = dict(Recommendation.objects.values_list("status").annotate(n=Count("id")).order_by())
    total = sum(counts.values())
    rows = [
        {"status": value, "label": label, "count": counts.get(value, 0)}
        for value, label in Recommendation.Status.choices
    ]
    done = counts.get(Recommendation.Status.DONE, 0)
    return {"rows": rows, "total": total, "done_percent": round(100 * done / total) if total else 0}


def responsible_bodies() -> QuerySet[ResponsibleBody]:
    return ResponsibleBody.objects.filter(recommendations__isnull=False).distinct().order_by("name_en")


def recommendation_by_slug(*, slug: str) -> Recommendation | None:
    return recommendation_list().filter(slug=slug).first()


# ---- agreements, training and the municipality panel ----


def _agreements() -> QuerySet[Agreement]:
    """Agreements with their municipalities, other parties and published projects: four queries for any number."""
    from projects_db.models import Organisation

    return Agreement.objects.prefetch_related(
        Prefetch("parties", queryset=projects.municipality_directory()),
        Prefetch("organisations", queryset=Organisation.objects.order_by("name_en")),
        Prefetch("projects", queryset=projects.published_projects()),
    ).order_by("-signed_on", "id")


def agreement_list() -> QuerySet[Agreement]:
    """Every agreement, newest first (hub.cooperation.filters narrows it by type, municipality and year)."""
    return _agreements()


def agreement_by_pk(*, pk: int) -> Agreement | None:
    return _agreements().prefetch_related("trainings").filter(pk=pk).first()


def agreement_years() -> list[int]:
    """The years in which agreements were signed, newest first (the year filter's choices)."""
    return [d.year for d in Agreement.objects.dates("signed_on", "year", order="DESC")]


def agreement_municipalities() -> list[Municipality]:
    """The municipalities party to at least one agreement (the municipality filter's choices)."""
    ids = Agreement.parties.through.objects.values("municipality_id")
    return list(projects.municipality_directory().filter(pk__in=ids))


def agreements_of(*, municipality_id: int) -> list[Agreement]:
    """The agreements a municipality is party to, with the other parties and linked projects."""
    return list(_agreements().filter(parties__id=municipality_id).distinct())


def _trainings() -> QuerySet[TrainingProgramme]:
    return TrainingProgramme.objects.select_related(
        "provider", "provider_municipality", "agreement", "event"
    ).prefetch_related(Prefetch("municipalities", queryset=projects.municipality_directory()))


def training_list() -> QuerySet[TrainingProgramme]:
    """Training programmes and courses, newest first, with who trains and who is trained (two queries)."""
    return _trainings().order_by("-starts_on", "id")


def training_by_slug(*, slug: str) -> TrainingProgramme | None:
    return _trainings().filter(slug=slug).first()


def trainings_of(*, municipality_id: int) -> list[TrainingProgramme]:
    """Training whose trainees or trainer include the municipality."""
    return list(
        training_list()
        .filter(Q(municipalities__id=municipality_id) | Q(provider_municipality_id=municipality_id))
        .distinct()
    )


def trainings_for_event(*, event_id: int) -> list[TrainingProgramme]:
    """The training programmes a training event announces."""
    return list(training_list().filter(event_id=event_id))


def training_totals() -> dict:
    """How many programmes, people trained and municipalities reached, in one query."""
    row = TrainingProgramme.objects.aggregate(
        programmes=Count("id", distinct=True),
        municipalities=Count("municipalities", distinct=True),
    )
    trained = TrainingProgramme.objects.aggregate(n=Sum("trained_count"))["n"] or 0
    return {**row, "trained": trained}


def municipality_panel(*, municipality: Municipality) -> dict:
    """E-readiness at a glance: services online, projects by status, agreements and their partners, training."""
    from projects_db.models import Project

    published = projects.municipality_projects(municipality=municipality)
    by_status = projects.facet_counts(queryset=published, field="status")
    agreements = agreements_of(municipality_id=municipality.pk)
    partners = {}
    for agreement in agreements:
        for party in agreement.parties.all():
            if party.pk != municipality.pk:
                partners[party.pk] = party
    return {
        "municipality": municipality,
        "services_online": by_status.get(Project.Status.LIVE, 0),
        "by_status": [
            {"status": value, "label": label, "count": by_status[value]}
            for value, label in Project.Status.choices
            if by_status.get(value)
        ],
        "agreements": agreements,
        "partners": list(partners.values()),
        "trainings": trainings_of(municipality_id=municipality.pk),
    }


# ---- "who has done this?" ----


@dataclass
class MunicipalityMatch:
    municipality: Municipality
    relevance: float
    projects: list = field(default_factory=list)  # the matching live or completed projects, best first
    contact_name: str = ""
    contact_email: str = ""


MATCH_STATUSES = ("live", "completed")


def _engine_search(*, text: str, user, category: str = "", engine=None):
    """Ask the site's search service (search.selectors.search) for published projects; an explicit `engine` (any
    search.engines.base.Engine) is asked directly."""
    from search.engines.base import Audience, SearchQuery
    from search.selectors import search

    filters = {"type": ["project"]}
    if category:
        filters["category"] = [category]
    language = (get_language() or "ar")[:2]
    if engine is None:
        return search(text=text, user=user, filters=filters, language=language, per_page=100)
    audience = Audience(visibilities=frozenset({"public"}))
    return engine.search(SearchQuery(text=text, audience=audience, filters=filters, language=language, per_page=100))


def who_has_done_this(
    *,
    user: User | AnonymousUser,
    text: str = "",
    project: Project | None = None,
    category: Category | None = None,
    engine: Engine | None = None,
    limit: int = 10,
) -> list[MunicipalityMatch]:
    """Municipalities with live or completed projects matching a need, a project or a category, most relevant first.

    Relevance is the sum of the search scores of a municipality's matching projects. For a project, its own
    municipality is left out.
    """
    exclude_municipality = None
    category_slug = ""
    if project is not None:
        text = " ".join(part for part in (project.title, project.title_translation) if part)
        category_slug = ""
        exclude_municipality = project.lead_municipality_id
    elif category is not None:
        text = f"{category.name_ar} {category.name_en}"
        category_slug = category.slug
    text = (text or "").strip()[:200]
    if not text:
        return []
    results = _engine_search(text=text, user=user, category=category_slug, engine=engine)
    scores: dict[int, float] = {}
    for hit in results.hits:
        if hit.source_type != "project" or not str(hit.source_id).isdigit():
            continue
        pk = int(hit.source_id)
        scores[pk] = max(scores.get(pk, 0.0), float(hit.score or 0.0) or 1.0 / (len(scores) + 1))
    found = projects.published_projects().filter(pk__in=scores, status__in=MATCH_STATUSES).prefetch_related("outcomes")
    if category is not None:  # the engine's any-word fallback must not leak other categories
        found = found.filter(category_id=category.pk)
    matches: dict[int, MunicipalityMatch] = {}
    for found_project in found:
        if found_project.lead_municipality_id == exclude_municipality:
            continue
        match = matches.get(found_project.lead_municipality_id)
        if match is None:
            match = matches[found_project.lead_municipality_id] = MunicipalityMatch(
                municipality=found_project.lead_municipality, relevance=0.0
            )
        match.relevance += scores[found_project.pk]
        match.projects.append(found_project)
        if not match.contact_email and found_project.contact_email:
            match.contact_name, match.contact_email = found_project.contact_name, found_project.contact_email
    for match in matches.values():
        match.projects.sort(key=lambda p: -scores[p.pk])
    ranked = sorted(matches.values(), key=lambda m: (-m.relevance, m.municipality.name_en))
    return ranked[:limit]


def category_by_slug(*, slug: str) -> Category | None:
    return projects.category_by_slug(slug=slug)


def project_by_slug(*, slug: str) -> Project | None:
    return projects.published_projects().filter(slug=slug).first()


# ---- follows and the digest ----


def follow_target_exists(*, kind: str, target_id: int) -> bool:
    querysets: dict[str, Callable[[], QuerySet]] = {
        Follow.Kind.MUNICIPALITY: places.municipalities,
        Follow.Kind.CATEGORY: projects.categories,
        Follow.Kind.RECOMMENDATION: Recommendation.objects.all,
    }
    targets = querysets.get(kind)
    return targets is not None and targets().filter(pk=target_id).exists()


def is_following(*, user: User | AnonymousUser, kind: str, target_id: int) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(user=user, kind=kind, target_id=target_id).exists()  # type: ignore[misc]  # signed in


def followed_ids(*, user: User | AnonymousUser, kind: str) -> set[int]:
    """The ids of what the user follows of one kind (one query; none for a visitor), to show each button's state."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(Follow.objects.filter(user=user, kind=kind).values_list("target_id", flat=True))  # type: ignore[misc]  # signed in


@dataclass
class DigestGroup:
    kind: str
    target: object
    items: list  # (when, title, url), newest first


def digest_for(*, user: User, since: datetime.datetime) -> list[DigestGroup]:
    """What changed since `since` in what the user follows, grouped by followed thing (four queries at most)."""
    follows = defaultdict(list)
    for kind, target_id in Follow.objects.filter(user=user).values_list("kind", "target_id"):
        follows[kind].append(target_id)
    groups: list[DigestGroup] = []
    new_projects = projects.published_projects().filter(published_at__gt=since).order_by("-published_at")
    if follows[Follow.Kind.MUNICIPALITY] or follows[Follow.Kind.CATEGORY]:
        rows = list(
            new_projects.filter(
                Q(lead_municipality_id__in=follows[Follow.Kind.MUNICIPALITY])
                | Q(category_id__in=follows[Follow.Kind.CATEGORY])
            )
        )
        municipalities = places.municipalities().in_bulk(follows[Follow.Kind.MUNICIPALITY])
        categories = projects.categories().in_bulk(follows[Follow.Kind.CATEGORY])
        for pk, municipality in sorted(municipalities.items(), key=lambda kv: kv[1].name_en):
            items = [(p.published_at, p.title, p.get_absolute_url()) for p in rows if p.lead_municipality_id == pk]
            if items:
                groups.append(DigestGroup(kind=Follow.Kind.MUNICIPALITY, target=municipality, items=items))
        for pk, category in sorted(categories.items(), key=lambda kv: kv[1].sort_order):
            items = [(p.published_at, p.title, p.get_absolute_url()) for p in rows if p.category_id == pk]
            if items:
                groups.append(DigestGroup(kind=Follow.Kind.CATEGORY, target=category, items=items))
    if follows[Follow.Kind.RECOMMENDATION]:
        updates = list(
            ProgressUpdate.objects.filter(
                recommendation_id__in=follows[Follow.Kind.RECOMMENDATION], created_at__gt=since
            )
            .select_related("recommendation")
            .order_by("-created_at")
        )
        by_recommendation = defaultdict(list)
        for update in updates:
            by_recommendation[update.recommendation_id].append(update)
        for updates_of in by_recommendation.values():
            recommendation = updates_of[0].recommendation
            url = recommendation_url(recommendation)
            items = [(u.created_at, u.text, url) for u in updates_of]
            groups.append(DigestGroup(kind=Follow.Kind.RECOMMENDATION, target=recommendation, items=items))
    return groups


def recommendation_url(recommendation: Recommendation) -> str:
    from django.urls import reverse

    return reverse("cooperation:recommendations") + f"#{recommendation.slug}"


def digest_recipients() -> QuerySet:
    """Users who follow something, have an e-mail address and have not unsubscribed."""
    from django.contrib.auth import get_user_model

    unsubscribed = DigestState.objects.filter(unsubscribed=True).values("user_id")
    followers = Follow.objects.values("user_id")
    return (
        get_user_model().objects.filter(pk__in=followers, is_active=True).exclude(pk__in=unsubscribed).exclude(email="")
    )


def digest_since(*, user_id: int) -> datetime.datetime:
    state = DigestState.objects.filter(user_id=user_id).first()
    if state and state.last_sent_at:
        return state.last_sent_at
    return timezone.now() - datetime.timedelta(days=7)


def digest_unsubscribe_token(*, user: User) -> str:
    """The signed token of the digest's one-click unsubscribe link (hub.unsubscribe, purpose "digest")."""
    return unsubscribe.make_token(purpose="digest", user_id=user.pk)


def digest_user_from_token(*, token: str) -> User | None:
    """The user a digest unsubscribe token names, or None if it is forged or the user is gone."""
    from django.contrib.auth import get_user_model

    try:
        user_id = unsubscribe.read_token(token, purpose="digest")["u"]
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=user_id).first()
