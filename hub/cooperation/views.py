"""Pages of the cooperation app: thin views that read through selectors and write through services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hub.accounts.roles import is_editor, is_juror, staff_municipality_id
from hub.cooperation import selectors, services
from hub.cooperation.filters import AgreementFilter, filter_errors
from hub.cooperation.forms import NominationForm, ScoreForm
from hub.cooperation.models import Nomination
from hub.redirects import safe_next


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _add_model_errors(form, error: ValidationError, model) -> None:
    """Each error under its field when the form has it, otherwise on top of the form with the field's name."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, _error_text(error))
        return
    for name, errors in error.message_dict.items():
        if name in form.fields:
            form.add_error(name, errors)
            continue
        label = ""
        if name != NON_FIELD_ERRORS:
            label = capfirst(str(model._meta.get_field(name).verbose_name))
        for message in errors:
            form.add_error(None, f"{label}: {message}" if label else message)


def _edition_or_404(year: int):
    edition = selectors.edition_by_year(year=year)
    if edition is None:
        raise Http404
    return edition


# ---- award: public ----


def award(request):
    edition = selectors.current_edition()
    if edition is None:
        return render(request, "cooperation/award_none.html", {"past": selectors.past_editions_with_winners()})
    return award_edition(request, edition.year)


def award_edition(request, year: int):
    edition = _edition_or_404(year)
    nominations = selectors.nominations_of(edition=edition)
    ranking = selectors.edition_ranking(edition=edition) if edition.results_published else []
    context = {
        "edition": edition,
        "criteria": list(edition.criteria.all()),
        "nominations": nominations,
        "ranking": ranking,
        "vote_counts": selectors.vote_counts(edition=edition) if edition.results_published else {},
        "user_vote": selectors.user_vote(edition=edition, user=request.user),
        "own_nomination": selectors.nomination_for_municipality(
            edition=edition, municipality_id=staff_municipality_id(request.user)
        ),
        "is_staff_member": staff_municipality_id(request.user) is not None,
        "is_juror": is_juror(request.user),
        "is_editor": is_editor(request.user),
        "past": selectors.past_editions_with_winners(),
        "other_editions": list(selectors.other_editions(edition=edition)),
    }
    return render(request, "cooperation/award_edition.html", context)


def award_winners(request):
    return render(request, "cooperation/award_winners.html", {"past": selectors.past_editions_with_winners()})


# ---- award: nominating ----


@login_required
def nominate(request, year: int):
    """Verified staff nominate (or edit the nomination of) their municipality; others get 404."""
    edition = _edition_or_404(year)
    if staff_municipality_id(request.user) is None:
        raise Http404
    existing = selectors.nomination_for_municipality(edition=edition, municipality_id=request.user.municipality_id)
    initial = {}
    if existing is not None:
        initial = {
            "project": existing.project_id,
            "what_it_does": existing.what_it_does,
            "users_count": existing.users_count,
            "what_changed": existing.what_changed,
        }
    form = NominationForm(
        request.POST or None, initial=initial, projects=selectors.nominable_projects(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if existing is None:
                services.nomination_create(user=request.user, edition=edition, **data)
            else:
                services.nomination_update(user=request.user, nomination=existing, **data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            _add_model_errors(form, error, Nomination)
        else:
            messages.success(request, _("Your nomination is saved."))
            return redirect(edition.get_absolute_url())
    context = {"edition": edition, "form": form, "existing": existing, "is_open": edition.nominations_are_open()}
    return render(request, "cooperation/nominate.html", context)


# ---- award: the jury ----


def _juror_only(request):
    if not is_juror(request.user):
        raise Http404


@login_required
def jury(request, year: int):
    _juror_only(request)
    edition = _edition_or_404(year)
    context = {
        "edition": edition,
        "nominations": selectors.nominations_of(edition=edition),
        "own_scores": selectors.juror_scores(edition=edition, juror=request.user),
    }
    return render(request, "cooperation/jury.html", context)


@login_required
def jury_score(request, year: int, pk: int):
    _juror_only(request)
    edition = _edition_or_404(year)
    nomination = selectors.nomination_in_edition(edition=edition, pk=pk)
    if nomination is None:
        raise Http404
    criteria = list(edition.criteria.all())
    own = selectors.juror_scores(edition=edition, juror=request.user).get(nomination.pk, {})
    initial = {}
    for criterion_id, score in own.items():
        initial[f"score_{criterion_id}"] = score.value
        initial[f"comment_{criterion_id}"] = score.comment
    form = ScoreForm(request.POST or None, initial=initial, criteria=criteria, score_max=edition.score_max)
    if request.method == "POST" and form.is_valid():
        try:
            services.scores_submit(user=request.user, nomination=nomination, scores=form.scores())
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, _("Your scores are saved."))
            return redirect("cooperation:jury", year=edition.year)
    context = {"edition": edition, "nomination": nomination, "form": form, "is_open": edition.jury_is_open()}
    return render(request, "cooperation/jury_score.html", context)


@login_required
def ranking(request, year: int):
    """The weighted ranking: editors always, jurors once the jury has closed; editors publish winners here."""
    edition = _edition_or_404(year)
    if not selectors.user_may_see_ranking(user=request.user, edition=edition):
        raise Http404
    ranked = selectors.edition_ranking(edition=edition)
    if request.method == "POST" and request.POST.get("action") == "close-jury":
        if not is_editor(request.user):
            raise Http404
        try:
            services.jury_close(user=request.user, edition=edition)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The jury is closed: the winners can be published."))
        return redirect("cooperation:ranking", year=edition.year)
    if request.method == "POST":
        if not is_editor(request.user):
            raise Http404
        try:
            winner_ids = [int(v) for v in request.POST.getlist("winner") if v.isdigit()]
            services.results_publish(user=request.user, edition=edition, winner_ids=winner_ids)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The winners are published."))
            return redirect(edition.get_absolute_url())
    context = {"edition": edition, "ranking": ranked, "criteria": list(edition.criteria.all())}
    return render(request, "cooperation/ranking.html", context)


@require_POST
def vote(request, year: int, pk: int):
    edition = _edition_or_404(year)
    nomination = selectors.nomination_in_edition(edition=edition, pk=pk)
    if nomination is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect(f"{_login_url()}?next={edition.get_absolute_url()}")
    try:
        services.vote_cast(user=request.user, nomination=nomination)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Thank you: your vote is counted."))
    return redirect(edition.get_absolute_url())


def _login_url() -> str:
    from django.conf import settings
    from django.shortcuts import resolve_url

    return resolve_url(settings.LOGIN_URL)


# ---- recommendations ----


def recommendations(request):
    filters = selectors.RecommendationFilters.from_query(request.GET)
    followed = selectors.followed_ids(user=request.user, kind="recommendation")
    listed = list(selectors.recommendation_list(filters=filters))
    for recommendation in listed:
        recommendation.is_followed = recommendation.pk in followed
    context = {
        "recommendations": listed,
        "progress": selectors.recommendation_progress(),
        "bodies": list(selectors.responsible_bodies()),
        "filters": filters,
        "statuses": selectors.Recommendation.Status.choices,
    }
    return render(request, "cooperation/recommendations.html", context)


# ---- agreements and training ----


def agreements(request):
    """Every agreement, filtered by type, municipality and year; a bad filter says why and lists nothing."""
    filterset = AgreementFilter(request.GET, queryset=selectors.agreement_list())
    valid = filterset.is_valid()
    context = {
        "filterset": filterset,
        "agreements": list(filterset.qs) if valid else [],
        "filter_errors": [] if valid else filter_errors(filterset),
        "kinds": selectors.Agreement.Kind.choices,
        "municipalities": selectors.agreement_municipalities(),
        "years": selectors.agreement_years(),
        "current": {name: request.GET.get(name, "") for name in ("kind", "municipality", "year")},
    }
    return render(request, "cooperation/agreements.html", context)


def agreement(request, pk: int):
    found = selectors.agreement_by_pk(pk=pk)
    if found is None:
        raise Http404
    return render(request, "cooperation/agreement.html", {"agreement": found})


def training(request):
    context = {"trainings": list(selectors.training_list()), "totals": selectors.training_totals()}
    return render(request, "cooperation/training.html", context)


def training_detail(request, slug: str):
    found = selectors.training_by_slug(slug=slug[:160])
    if found is None:
        raise Http404
    return render(request, "cooperation/training_detail.html", {"training": found})


# ---- who has done this? ----


def who_has_done_this(request):
    text = (request.GET.get("q") or "").strip()[:200]
    project = category = None
    if request.GET.get("project"):
        project = selectors.project_by_slug(slug=request.GET["project"][:220])
        if project is None:
            raise Http404
    elif request.GET.get("category"):
        category = selectors.category_by_slug(slug=request.GET["category"][:140])
        if category is None:
            raise Http404
    asked = bool(text or project or category)
    matches = (
        selectors.who_has_done_this(user=request.user, text=text, project=project, category=category) if asked else []
    )
    context = {
        "text": text,
        "project": project,
        "category": category,
        "asked": asked,
        "matches": matches,
        "following_category": category is not None
        and selectors.is_following(user=request.user, kind="category", target_id=category.pk),
        "show_contacts": request.user.is_authenticated
        and (is_editor(request.user) or staff_municipality_id(request.user) is not None),
    }
    return render(request, "cooperation/who_has_done_this.html", context)


# ---- follows and the digest ----


@login_required
@require_POST
def follow(request):
    kind = request.POST.get("kind", "")
    target = request.POST.get("target", "")
    target_id = int(target) if target.isdigit() else 0
    action = request.POST.get("action", "")
    try:
        if action in ("follow", "unfollow"):  # the buttons say which (cooperation/_follow_button.html)
            now_following = services.follow_set(
                user=request.user, kind=kind, target_id=target_id, follow=action == "follow"
            )
        else:
            now_following = services.follow_toggle(user=request.user, kind=kind, target_id=target_id)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("You follow it now.") if now_following else _("You no longer follow it."))
    return redirect(safe_next(request, fallback="/"))


def unsubscribe(request, token: str):
    """One click from the digest e-mail: no sign-in needed, the signed token names the user."""
    user = selectors.digest_user_from_token(token=token)
    if user is None:
        raise Http404
    services.digest_unsubscribe(user=user)
    return render(request, "cooperation/unsubscribed.html")
