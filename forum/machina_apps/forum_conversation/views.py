"""machina's topic and post views with the site's rules: the limits and the one-post-at-a-time lock, the accepted
answer and project card, what follows a new post (forum.services.post_created) and the moderation log."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from machina.apps.forum_conversation import views as machina

from forum import caching, forms, selectors, services
from forum import search as forum_search


class TopicView(caching.ForumPageCache, machina.TopicView):
    """A topic with its accepted answer and, when it discusses a project, the project's card. A topic waiting for
    approval answers 404 except to its author and the forum's moderators, who also see the posts that wait.
    Cached whole for anonymous readers; a view is counted in the cache (forum.caching.count_view), not by machina's
    UPDATE on every GET, and read tracking is for signed-in readers only."""

    cache_params = ("page", "post")

    def page_served_from_cache(self, request, *args, **kwargs):
        caching.count_view(topic_id=int(kwargs["pk"]))

    def send_signal(self, request, response, topic):
        """Instead of machina's topic_viewed receivers (an UPDATE of the view count on every GET)."""
        caching.count_view(topic_id=topic.pk)
        services.mark_topic_read(topic=topic, user=request.user)

    def get_topic(self):
        if not hasattr(self, "topic"):
            # With what the page shows of it (poll, accepted answer, project) in machina's one query.
            self.topic = selectors.topic_for_page(pk=self.kwargs["pk"])
            if self.topic is None:
                raise Http404
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
        return topic.posts.filter(visible | Q(approved=True)).select_related("poster", "updated_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic, user = context["topic"], self.request.user
        handler = self.request.forum_permission_handler
        # The forums the reader may read, from the permissions this request loaded already; kept for the page's
        # later questions (search's "related elsewhere" panel).
        selectors.readable_forum_ids(user, handler=handler)
        context["solution"] = selectors.solution_for_topic(topic=topic)
        context["can_mark_solution"] = services.can_mark_solution(user=user, topic=topic)
        context["project_card"] = selectors.project_card_for_topic(topic=topic)
        context["can_download_files"] = handler.can_download_files(topic.forum, user)
        controls = self._controls(topic)
        page_posts = context["posts"]
        context["posts"] = _PreparedPosts(
            page_posts.prefetch_related("attachments"),
            prepare=lambda posts: self._prepare_posts(
                posts, topic=topic, controls=controls, can_mark_solution=context["can_mark_solution"]
            ),
        )
        if caching.page_seconds() > 0:
            # The key needs only each post's id and author: the posts themselves (and their attachments) are
            # loaded when the cached copy is missing, by the template.
            rows = list(page_posts.values_list("pk", "poster_id"))
            context["first_post_is_head"] = bool(rows) and rows[0][0] == topic.first_post_id
            context["posts_cache_seconds"] = caching.page_seconds()
            context["posts_cache_key"] = caching.posts_fragment_key(
                topic_id=topic.pk,
                page=context["page_obj"].number if context.get("page_obj") is not None else 1,  # (bool(page) loads it)
                flags=(context["can_mark_solution"], context["can_download_files"]),
                posts=[(pk, *controls[self._is_own(poster_id)], self._can_report(poster_id)) for pk, poster_id in rows],
            )
        else:
            posts = list(context["posts"])
            context["first_post_is_head"] = bool(posts) and posts[0].hub_is_head
        return context

    def _is_own(self, poster_id) -> bool:
        return bool(self.request.user.is_authenticated and poster_id == self.request.user.pk)

    def _can_report(self, poster_id) -> bool:
        return bool(self.request.user.is_authenticated and poster_id != self.request.user.pk)

    def _controls(self, topic) -> dict[bool, tuple[bool, bool]]:
        """{reader wrote the post: (may edit it, may delete it)}. machina's edit and delete rules depend on a post
        only through whether the reader wrote it (the forum's permissions and the topic's lock are the page's), so
        they are asked once per page, of a post of the reader's and one of someone else's, not once per post."""
        user, handler = self.request.user, self.request.forum_permission_handler
        if not user.is_authenticated:
            return {True: (False, False), False: (False, False)}
        Post = type(topic).posts.rel.related_model
        answers = {}
        for own, post in ((True, Post(topic=topic, poster=user)), (False, Post(topic=topic, poster=None))):
            answers[own] = (bool(handler.can_edit_post(post, user)), bool(handler.can_delete_post(post, user)))
        return answers

    def _prepare_posts(self, posts, *, topic, controls, can_mark_solution: bool):
        """Each post's links and what the reader may do with it, computed here once per page (not once per post):
        the template asked machina's `get_permission` (reflection on every call) and reversed four URLs per post.
        Each link is one URL reversed per page with a marker where the post's id goes."""
        forum = topic.forum
        topic_args = [forum.slug, forum.pk, topic.slug, topic.pk]
        topic_url = reverse("forum_conversation:topic", args=topic_args)
        links = {
            "profile": _url_pattern("forum_member:profile"),
            "update": _url_pattern("forum_conversation:post_update", *topic_args),
            "delete": _url_pattern("forum_conversation:post_delete", *topic_args),
            "mark": _url_pattern("hub_forum:mark_solution"),
            "report": _url_pattern("hub_forum:report_post"),
        }
        topic_update = reverse("forum_conversation:topic_update", args=topic_args)
        for post in posts:
            post.hub_can_edit, post.hub_can_delete = controls[self._is_own(post.poster_id)]
            post.hub_is_head = post.pk == topic.first_post_id  # machina's is_topic_head loads the first post
            post.hub_url = f"{topic_url}?post={post.pk}#{post.pk}"
            post.hub_profile_url = links["profile"].format(post.poster_id) if post.poster_id else ""
            post.hub_edit_url = topic_update if post.hub_is_head else links["update"].format(post.pk)
            post.hub_delete_url = links["delete"].format(post.pk)
            post.hub_can_report = self._can_report(post.poster_id)
            post.hub_report_url = links["report"].format(post.pk)
            post.hub_mark_url = links["mark"].format(post.pk) if can_mark_solution else ""


class _PreparedPosts:
    """A page's posts, loaded (with their attachments) and prepared the first time the template iterates them: when
    the rendered posts come from the cache, they are not loaded at all."""

    def __init__(self, queryset, *, prepare):
        self._queryset, self._prepare, self._posts = queryset, prepare, None

    def __iter__(self):
        if self._posts is None:
            self._posts = list(self._queryset)
            self._prepare(self._posts)
        return iter(self._posts)

    def __len__(self):
        return len(list(iter(self)))

    def __bool__(self):
        return bool(len(self))


_ID_MARKER = 987654321


def _url_pattern(name: str, *args) -> str:
    """A URL reversed once with a marker for its last argument (an id), ready for str.format."""
    return reverse(name, args=[*args, _ID_MARKER]).replace(str(_ID_MARKER), "{}")


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


class _LogsEditsOfOthers:
    """Editing someone else's post (or topic) is a moderator's action: logged once it is saved."""

    def form_valid(self, post_form, attachment_formset, *args, **kwargs):
        response = super().form_valid(post_form, attachment_formset, *args, **kwargs)
        post = self.forum_post
        if not self.preview:
            services.post_edited(post=post, editor=self.request.user)
        return response


class PostCreateView(_OnePostAtATime, _TellsReaders, _Limited, machina.PostCreateView):
    post_form_class = forms.LimitedPostForm

    def get_topic(self):
        """The topic, with its forum (for the permission check) and what the new post's search document reads of it
        (forum.search.TOPIC_RELATED), in machina's one query."""
        pk = self.kwargs.get(self.topic_pk_url_kwarg)
        if pk and not hasattr(self, "_topic"):
            related = [name.removeprefix("topic__") for name in forum_search.TOPIC_RELATED if name != "topic"]
            self._topic = get_object_or_404(machina.Topic.objects.select_related(*related), pk=pk)
        return super().get_topic()

    def get_forum(self):
        """The topic's forum, loaded with the topic for the permission check, rather than loaded again."""
        topic = self.get_topic()
        if topic is not None and str(topic.forum_id) == str(self.kwargs.get(self.forum_pk_url_kwarg)):
            return topic.forum
        return super().get_forum()

    def get_post_form_kwargs(self):
        """The form asks the request's permission handler, whose answers for this forum are already known."""
        return {**super().get_post_form_kwargs(), "perm_handler": self.request.forum_permission_handler}


class TopicCreateView(_OnePostAtATime, _TellsReaders, _Limited, machina.TopicCreateView):
    """machina's new-topic page; at .../topic/create/project-<id>/ ("Discuss this project", forum/urls.py) the new
    topic is linked to that project (in the path, as machina's form posts to ".")."""

    post_form_class = forms.LimitedTopicForm
    poll_option_formset_class = forms.PollOptionFormset

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


class PostUpdateView(_LogsEditsOfOthers, _Limited, machina.PostUpdateView):
    post_form_class = forms.LimitedPostForm  # the limits apply to new posts only; the subject is cleaned here too


class TopicUpdateView(_LogsEditsOfOthers, _Limited, machina.TopicUpdateView):
    post_form_class = forms.LimitedTopicForm
    poll_option_formset_class = forms.PollOptionFormset


class PostDeleteView(machina.PostDeleteView):
    """Deleting someone else's post is a moderator's action: logged with the deletion, in one transaction."""

    def form_valid(self, form):
        with transaction.atomic():
            services.post_deleted(post=self.object, moderator=self.request.user)
            return super().form_valid(form)
