"""Account pages that allauth does not provide: profiles and the verification of municipal staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hub.accounts import roles, selectors, services
from hub.accounts.forms import MembershipRequestForm, ProfileForm, RejectForm
from hub.redirects import safe_next


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def profile(request):
    """The signed-in user's own profile: see it, edit its public part, and the state of a staff request."""
    user = request.user
    form = ProfileForm(request.POST or None, instance=user, initial={"language": selectors.language_of(user=user)})
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(user=user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("accounts:profile")
    if form.errors:
        # A rejected edit must leave the page showing what is stored, not the half-applied input.
        user.refresh_from_db(fields=["display_name", "job_title", "bio"])
    context = {
        "profile_user": user,
        "form": form,
        "latest_request": selectors.membership_request_latest_for(user=user),
        "is_editor": roles.is_editor(user),
    }
    return render(request, "accounts/profile.html", context, status=400 if form.errors else 200)


def member_detail(request, username: str):
    """A member's public profile: name, badge, municipality, job title and bio (never the e-mail)."""
    member = selectors.member_by_username(username=username)
    if member is None:
        raise Http404
    return render(request, "accounts/member_detail.html", {"member": member})


@login_required
def membership_request(request):
    """Ask to be recognised as staff of a municipality."""
    user = request.user
    latest = selectors.membership_request_latest_for(user=user)
    pending = latest if latest and latest.is_pending else None
    form = MembershipRequestForm(request.POST or None, initial={"job_title": user.job_title})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_request_create(user=user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your request was sent. An editor will verify it and you will get an e-mail."))
            return redirect("accounts:profile")
    context = {"form": form, "pending": pending}
    return render(request, "accounts/membership_request.html", context, status=400 if form.errors else 200)


def _editor_or_404(request) -> None:
    # Review pages are unknown to everyone but editors: 404, not 403.
    if not roles.is_editor(request.user):
        raise Http404


def membership_review(request):
    """Pending requests for editors, each with verify and reject buttons."""
    _editor_or_404(request)
    return _review_page(request)


def _review_page(request, *, reject_form=None, rejecting=None):
    pending = list(selectors.membership_requests_pending())
    for item in pending:
        item.reject_form = reject_form if rejecting == item.pk else RejectForm(prefix=f"r{item.pk}")
    context = {"pending": pending, "decided": selectors.membership_requests_recently_decided()}
    return render(request, "accounts/membership_review.html", context, status=400 if reject_form else 200)


def _back_to_review(request):
    """Back to where the decision was taken (the admin dashboard's queue) if that is on this site, else the list."""
    return redirect(safe_next(request, fallback=reverse("accounts:membership_review")))


def _pending_or_404(pk: int):
    membership_request = selectors.membership_request_pending_by_id(pk=pk)
    if membership_request is None:
        raise Http404
    return membership_request


@require_POST
def membership_verify(request, pk: int):
    _editor_or_404(request)
    membership_request = _pending_or_404(pk)
    try:
        services.membership_request_verify(membership_request=membership_request, decided_by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is now verified staff of %(municipality)s.")
            % {"name": membership_request.user.get_display_name(), "municipality": membership_request.municipality},
        )
    return _back_to_review(request)


@require_POST
def membership_reject(request, pk: int):
    _editor_or_404(request)
    membership_request = _pending_or_404(pk)
    form = RejectForm(request.POST, prefix=f"r{pk}")
    if not form.is_valid():
        return _review_page(request, reject_form=form, rejecting=pk)
    try:
        services.membership_request_reject(
            membership_request=membership_request, decided_by=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The request of %(name)s was rejected.") % {"name": membership_request.user.get_display_name()},
        )
    return _back_to_review(request)
