"""Forum pages the site adds (answers, reports, e-mail settings, unsubscribe, project discussions). machina's own
views, with the site's rules, are in forum/machina_apps/ (machina's override mechanism)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from machina.core.db.models import get_model

from forum import forms, selectors, services
from hub.unsubscribe import read_token

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")


def _topic_url(topic) -> str:
    return reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "slug": topic.slug, "pk": topic.pk},
    )


def _readable_post(request, pk):
    """A post the user may read (its forum, and its approval: forum/handler.py); 404 otherwise (the public must not
    learn it exists)."""
    post = get_object_or_404(Post.objects.select_related("topic", "topic__forum", "poster"), pk=pk)
    if post.topic.forum_id not in selectors.readable_forum_ids(request.user):
        raise Http404
    if not request.forum_permission_handler.can_read_post(post, request.user):
        raise Http404
    return post


# --- Accepted answers ------------------------------------------------------------------------------------------


@login_required
@require_POST
def mark_solution(request, pk):
    post = _readable_post(request, pk)
    try:
        services.mark_solution(topic=post.topic, post=post, user=request.user)
        messages.success(request, _("The reply is marked as the accepted answer."))
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(f"{_topic_url(post.topic)}?post={post.pk}#{post.pk}")


@login_required
@require_POST
def unmark_solution(request, pk):
    topic = get_object_or_404(Topic.objects.select_related("forum"), pk=pk)
    if topic.forum_id not in selectors.readable_forum_ids(request.user):
        raise Http404
    try:
        services.unmark_solution(topic=topic, user=request.user)
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("The topic has no accepted answer any more."))
    return HttpResponseRedirect(_topic_url(topic))


# --- Reports ---------------------------------------------------------------------------------------------------


@login_required
def report_post(request, pk):
    post = _readable_post(request, pk)
    form = forms.ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(post=post, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. A moderator will review this post."))
            return HttpResponseRedirect(_topic_url(post.topic))
    return render(
        request, "forum/report_form.html", {"form": form, "post": post, "topic": post.topic, "forum": post.topic.forum}
    )


def _require_moderator(request):
    if not request.forum_permission_handler.can_access_moderation_queue(request.user):
        raise Http404


@login_required
def report_list(request):
    _require_moderator(request)
    reports = selectors.open_reports()
    allowed = {f.pk for f in request.forum_permission_handler.get_moderation_queue_forums(request.user)}
    reports = [r for r in reports if r.post.topic.forum_id in allowed]
    return render(request, "forum/report_list.html", {"reports": reports})


@login_required
@require_POST
def resolve_reports(request, pk):
    _require_moderator(request)
    post = _readable_post(request, pk)
    if not request.forum_permission_handler.can_approve_posts(post.topic.forum, request.user):
        raise Http404
    services.dismiss_reports(post=post, moderator=request.user)
    messages.success(request, _("The reports are closed."))
    return redirect("hub_forum:reports")


# --- Notifications ---------------------------------------------------------------------------------------------


@login_required
def notification_settings(request):
    from forum.models import NotificationPreference

    preference = NotificationPreference.objects.filter(user=request.user).first()
    form = forms.NotificationSettingsForm(
        request.POST or None, initial={"daily_digest": bool(preference and preference.daily_digest)}
    )
    if request.method == "POST" and form.is_valid():
        services.set_daily_digest(user=request.user, daily_digest=form.cleaned_data["daily_digest"])
        messages.success(request, _("Your e-mail settings are saved."))
        return redirect("hub_forum:notifications")
    subscriptions = request.user.forum_subscriptions.select_related("forum").order_by("forum__name")
    return render(request, "forum/notification_settings.html", {"form": form, "subscriptions": subscriptions})


@login_required
@require_POST
def toggle_forum_subscription(request, pk):
    forum = get_object_or_404(Forum, pk=pk)
    if forum.pk not in selectors.readable_forum_ids(request.user):
        raise Http404
    if request.user.forum_subscriptions.filter(forum=forum).exists():
        services.unsubscribe_forum(user=request.user, forum=forum)
        messages.success(request, _("You no longer follow this forum."))
    else:
        services.subscribe_forum(user=request.user, forum=forum)
        messages.success(request, _("You will be told of new posts in this forum."))
    return redirect("forum:forum", slug=forum.slug, pk=forum.pk)


def unsubscribe(request, token):
    """One click from an e-mail: stop notifications of one topic (or forum); no sign-in needed."""
    try:
        data = read_token(token, purpose="forum")
    except signing.BadSignature:
        return render(request, "forum/unsubscribed.html", {"invalid": True}, status=400)
    user = get_object_or_404(get_user_model(), pk=data.get("u"))
    topic = Topic.objects.filter(pk=data.get("t")).first() if data.get("t") else None
    forum = Forum.objects.filter(pk=data.get("f")).first() if data.get("f") else None
    if topic is not None:
        services.unsubscribe_topic(user=user, topic=topic)
    if forum is not None:
        services.unsubscribe_forum(user=user, forum=forum)
    return render(request, "forum/unsubscribed.html", {"topic": topic, "forum": forum})


# --- Projects ↔ topics ---------------------------------------------------------------------------------------


def discuss_project(request, project_id):
    """ "Discuss this project": open the project's topic, or start one in the forum of the project's category."""
    card = selectors.project_card(project_id=project_id)
    if card is None:
        raise Http404
    topic = selectors.project_topics(project_id=project_id, user=request.user).first()
    if topic is not None:
        return HttpResponseRedirect(_topic_url(topic))
    forum = selectors.project_discussion_forum(card=card)
    if forum is None:
        raise Http404
    return redirect("hub_forum:project_topic_create", forum_slug=forum.slug, forum_pk=forum.pk, project_id=project_id)
