"""Forum pages the site adds (answers, reports, e-mail settings, unsubscribe) and thin subclasses of
machina's views that add the site's rules (limits, the unsolved filter, the moderation log)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from machina.core.db.models import get_model
from machina.core.loading import get_class

from forum import conf, forms, selectors, services
from forum.search import SOURCE_TYPE
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
    count = services.resolve_reports(post=post, moderator=request.user)
    services.log_moderation(
        actor=request.user, action="dismiss_reports", topic_id=post.topic_id, post_id=post.pk, detail=str(count)
    )
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
    """ "Discuss this project": open the project's topic, or start one in the project discussion forum."""
    card = selectors.project_card(project_id=project_id)
    if card is None:
        raise Http404
    topic = selectors.project_topics(project_id=project_id, user=request.user).first()
    if topic is not None:
        return HttpResponseRedirect(_topic_url(topic))
    forum = services.forum_by_key(conf.get("FORUM_PROJECT_DISCUSSION_FORUM"))
    if forum is None:
        raise Http404
    return redirect("hub_forum:project_topic_create", forum_slug=forum.slug, forum_pk=forum.pk, project_id=project_id)


# --- Search: machina's search address leads to the site search, filtered to the forum ----------------------------


def search_redirect(request):
    try:
        target = reverse("search:search")
    except NoReverseMatch:
        target = f"/{get_language() or 'ar'}/search/"
    params = {"type": SOURCE_TYPE}
    if request.GET.get("q"):
        params["q"] = request.GET["q"]
    return HttpResponseRedirect(f"{target}?{urlencode(params)}")


# --- machina's views with the site's rules ------------------------------------------------------------------------

MachinaForumView = get_class("forum.views", "ForumView")
MachinaTopicView = get_class("forum_conversation.views", "TopicView")
MachinaPostCreateView = get_class("forum_conversation.views", "PostCreateView")
MachinaTopicCreateView = get_class("forum_conversation.views", "TopicCreateView")
MachinaPostUpdateView = get_class("forum_conversation.views", "PostUpdateView")
MachinaTopicUpdateView = get_class("forum_conversation.views", "TopicUpdateView")
MachinaUserPostsView = get_class("forum_member.views", "UserPostsView")
MachinaForumProfileDetailView = get_class("forum_member.views", "ForumProfileDetailView")
MachinaAttachmentView = get_class("forum_attachments.views", "AttachmentView")


class ForumView(MachinaForumView):
    """A forum's topics; `?unsolved=1` keeps only topics without an accepted answer."""

    def get_queryset(self):
        qs = super().get_queryset()
        if self.request.GET.get("unsolved"):
            qs = qs.filter(solution__isnull=True)
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["unsolved_only"] = bool(self.request.GET.get("unsolved"))
        user = self.request.user
        context["follows_forum"] = user.is_authenticated and user.forum_subscriptions.filter(forum=self.forum).exists()
        return context


class TopicView(MachinaTopicView):
    """A topic with its accepted answer and, when it discusses a project, the project's card. A topic waiting for
    approval answers 404 except to its author and the forum's moderators, who also see the posts that wait."""

    def get_topic(self):
        topic = super().get_topic()
        handler = self.request.forum_permission_handler
        if handler.can_read_forum(topic.forum, self.request.user) and not handler.can_read_topic(
            topic, self.request.user
        ):
            raise Http404  # forums the user may not read keep machina's answer (403, or the sign-in page)
        return topic

    def get_queryset(self):
        topic = self.get_topic()
        visible = self.request.forum_permission_handler.visible_posts_filter(self.request.user)
        return (
            topic.posts.filter(visible | Q(approved=True))
            .select_related("poster", "updated_by")
            .prefetch_related("attachments", "poster__forum_profile")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic = context["topic"]
        context["solution"] = selectors.solution_for_topic(topic=topic)
        context["can_mark_solution"] = services.can_mark_solution(user=self.request.user, topic=topic)
        context["project_card"] = selectors.project_card_for_topic(topic=topic)
        return context


class _Limited:
    attachment_formset_class = forms.CheckedAttachmentFormset


class _OnePostAtATime:
    """A new post is checked and saved in one transaction holding the member's posting lock, so the interval
    between two posts holds across workers and hosts; a post refused for that interval answers 429 (Too Many
    Requests) with the form and the message, and the text typed is kept."""

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            services.lock_posting(user=request.user)
            return super().post(request, *args, **kwargs)

    def form_invalid(self, post_form, *args, **kwargs):
        response = super().form_invalid(post_form, *args, **kwargs)
        if post_form.has_error(NON_FIELD_ERRORS, code=forms.POSTING_TOO_SOON):
            response.status_code = 429
        return response


class _TellsReaders:
    """Once the new post is saved (not a preview): the site's rules for a new post (forum.services.post_created)."""

    def form_valid(self, post_form, attachment_formset, *args, **kwargs):
        response = super().form_valid(post_form, attachment_formset, *args, **kwargs)
        if not self.preview:
            services.post_created(post=self.forum_post)
        return response


class PostCreateView(_OnePostAtATime, _TellsReaders, _Limited, MachinaPostCreateView):
    post_form_class = forms.LimitedPostForm

    def get_forum(self):
        """The topic's forum, loaded with the topic for the permission check, rather than loaded again."""
        topic = self.get_topic()
        if topic is not None and str(topic.forum_id) == str(self.kwargs.get(self.forum_pk_url_kwarg)):
            return topic.forum
        return super().get_forum()

    def get_post_form_kwargs(self):
        """The form asks the request's permission handler, whose answers for this forum are already known."""
        return {**super().get_post_form_kwargs(), "perm_handler": self.request.forum_permission_handler}


class TopicCreateView(_OnePostAtATime, _TellsReaders, _Limited, MachinaTopicCreateView):
    """machina's new-topic page; at .../topic/create/project-<id>/ ("Discuss this project") the new topic is
    linked to that project (in the path, as machina's form posts to ".")."""

    post_form_class = forms.LimitedTopicForm

    def _project_card(self):
        project_id = self.kwargs.get("project_id")
        return selectors.project_card(project_id=project_id) if project_id else None

    def get_post_form_kwargs(self):
        kwargs = super().get_post_form_kwargs()
        card = self._project_card()
        if card and self.request.method == "GET" and card.get("title"):
            kwargs.setdefault("initial", {})["subject"] = card["title"]
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["project_card"] = self._project_card()
        return context

    def post(self, request, *args, **kwargs):
        # machina saves the topic, its first post, the attachments and the poll one after another: all or nothing.
        with transaction.atomic():
            return super().post(request, *args, **kwargs)

    def form_valid(self, post_form, attachment_formset, *args, **kwargs):
        response = super().form_valid(post_form, attachment_formset, *args, **kwargs)
        card = self._project_card()
        if card and not self.preview:
            services.link_topic_to_project(topic=self.forum_post.topic, project_id=card["id"])
        return response


class PostUpdateView(_Limited, MachinaPostUpdateView):
    post_form_class = forms.LimitedPostForm  # the limits apply to new posts only; the subject is cleaned here too


class TopicUpdateView(_Limited, MachinaTopicUpdateView):
    post_form_class = forms.LimitedTopicForm


class PostApproveView(get_class("forum_moderation.views", "PostApproveView")):
    """machina's approval of a queued post, then the site's rules for an approved post, in one transaction."""

    def approve(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().approve(request, *args, **kwargs)
            services.post_approved(post=self.object, moderator=request.user)
        return response


def logged(view_class, action: str):
    """A subclass of a machina moderation view that records who did what once the action succeeded."""

    class Logged(view_class):
        def dispatch(self, request, *args, **kwargs):
            response = super().dispatch(request, *args, **kwargs)
            if request.method == "POST" and response.status_code in (301, 302) and request.user.is_authenticated:
                pk = kwargs.get("pk")
                is_post = action.startswith("post_") or action.endswith("_post")
                services.log_moderation(
                    actor=request.user,
                    action=action,
                    post_id=pk if is_post else None,
                    topic_id=None if is_post else kwargs.get("pk"),
                )
            return response

    Logged.__name__ = f"Logged{view_class.__name__}"
    return Logged


class LoggedPostUpdateView(PostUpdateView):
    """Editing someone else's post is a moderator action and is logged."""

    def form_valid(self, post_form, attachment_formset, **kwargs):
        response = super().form_valid(post_form, attachment_formset, **kwargs)
        post = self.get_post()
        if not self.preview and post.poster_id != self.request.user.pk:
            services.log_moderation(
                actor=self.request.user, action="edit_post", topic_id=post.topic_id, post_id=post.pk
            )
        return response


class LoggedPostDeleteView(get_class("forum_conversation.views", "PostDeleteView")):
    def post(self, request, *args, **kwargs):
        post = self.get_object()
        poster_id, topic_id = post.poster_id, post.topic_id
        response = super().post(request, *args, **kwargs)
        if poster_id != request.user.pk:
            services.log_moderation(actor=request.user, action="delete_post", topic_id=topic_id, post_id=kwargs["pk"])
        return response


class UnreadTopicsView(get_class("forum_tracking.views", "UnreadTopicsView")):
    """machina's unread topics, loading each topic's forum, poster and last post with the list (no N+1)."""

    def get_queryset(self):
        return super().get_queryset().select_related("forum", "poster", "last_post", "last_post__poster")


# --- Members' posts: what waits for approval stays with its author and the forum's moderators --------------------


class UserPostsView(MachinaUserPostsView):
    """A member's posts, without those waiting for approval unless the reader wrote them or moderates the forum."""

    def get_queryset(self):
        visible = self.request.forum_permission_handler.visible_posts_filter(self.request.user)
        return super().get_queryset().filter(visible)


class ForumProfileDetailView(MachinaForumProfileDetailView):
    """A member's profile; its recent posts leave out replies in topics that wait for approval."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_posts"] = [post for post in context["recent_posts"] if post.topic.approved]
        return context


# --- Attachments: the file is in the private media folder; the web server sends it once the right is checked -----


class AttachmentView(MachinaAttachmentView):
    """machina's download view (it checks `can_download_file` on the forum), refusing attachments of posts the
    reader may not see, and handing the bytes to the web server (django-sendfile2: X-Accel-Redirect with nginx)."""

    def get_object(self, queryset=None):
        if not hasattr(self, "_attachment"):
            self._attachment = super().get_object(queryset)
        return self._attachment

    def perform_permissions_check(self, user, obj, perms):
        return super().perform_permissions_check(
            user, obj, perms
        ) and self.request.forum_permission_handler.can_read_post(self.get_object().post, user)

    def render_to_response(self, context, **response_kwargs):
        from django_sendfile import sendfile

        attachment = self.object
        return sendfile(self.request, attachment.file.path, attachment=True, attachment_filename=attachment.filename)
