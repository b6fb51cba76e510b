"""What the site adds to machina's forum: subscriptions to forums, notification state, accepted answers,
reports and links to projects (moderator actions go to Wagtail's audit log). machina's own models are not touched."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    """How a member wants forum news: one e-mail per new reply (throttled), or one daily digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notification_preference"
    )
    daily_digest = models.BooleanField(
        _("daily digest"), default=False, help_text=_("One e-mail a day instead of one per topic with new replies.")
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.user)


class ForumSubscription(models.Model):
    """A member follows every topic of one forum."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions")
    forum = models.ForeignKey("forum.Forum", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum subscription")
        verbose_name_plural = _("forum subscriptions")
        constraints = [models.UniqueConstraint(fields=["user", "forum"], name="forum_subscription_unique")]

    def __str__(self) -> str:
        return f"{self.user} → {self.forum_id}"


class PendingNotification(models.Model):
    """A new post a subscriber has not been told about yet; sent by a task (throttled) or in the digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey("forum_conversation.Topic", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey("forum_conversation.Post", on_delete=models.CASCADE, related_name="+")
    is_mention = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pending notification")
        verbose_name_plural = _("pending notifications")
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="pending_notification_unique")]
        indexes = [
            models.Index(fields=["user", "topic", "sent_at"], name="pending_notif_user_topic_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.post_id}"


class TopicSolution(models.Model):
    """The reply that solved a topic's question, marked by its author or a moderator."""

    topic = models.OneToOneField("forum_conversation.Topic", on_delete=models.CASCADE, related_name="solution")
    post = models.ForeignKey("forum_conversation.Post", on_delete=models.CASCADE, related_name="+")
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("accepted answer")
        verbose_name_plural = _("accepted answers")

    def __str__(self) -> str:
        return f"{self.topic_id} → {self.post_id}"


class PostReport(models.Model):
    """A member's report of a post, with a reason; open until a moderator resolves it."""

    post = models.ForeignKey("forum_conversation.Post", on_delete=models.CASCADE, related_name="hub_reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"), max_length=1000)
    created = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [models.UniqueConstraint(fields=["post", "reporter"], name="post_report_once_per_member")]
        indexes = [models.Index(fields=["post"], name="post_report_open_idx", condition=models.Q(resolved_at=None))]

    def __str__(self) -> str:
        return f"{self.post_id} by {self.reporter_id}"


class TopicProject(models.Model):
    """A topic opened to discuss one project (projects_db.Project, referred to by id: the apps stay apart)."""

    topic = models.OneToOneField("forum_conversation.Topic", on_delete=models.CASCADE, related_name="hub_project")
    project_id = models.PositiveBigIntegerField(_("project"), db_index=True)

    class Meta:
        verbose_name = _("project discussion")
        verbose_name_plural = _("project discussions")

    def __str__(self) -> str:
        return f"{self.topic_id} ↔ project {self.project_id}"


class ForumKey(models.Model):
    """A stable name for each forum `setup_forum` manages, so running it again finds the forum even if renamed."""

    key = models.SlugField(max_length=60, unique=True)
    forum = models.OneToOneField("forum.Forum", on_delete=models.CASCADE, related_name="hub_key")

    class Meta:
        verbose_name = _("managed forum")
        verbose_name_plural = _("managed forums")

    def __str__(self) -> str:
        return self.key


class ForumName(models.Model):
    """A forum's name and description in each of the site's languages, shown in the reader's language (machina keeps
    one of each per forum: its `name`, from which it makes the slug, holds the Arabic one)."""

    forum = models.OneToOneField("forum.Forum", on_delete=models.CASCADE, related_name="hub_names")
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        verbose_name = _("forum name")
        verbose_name_plural = _("forum names")

    def __str__(self) -> str:
        return self.name_ar

    def name(self, language: str) -> str:
        """The name in `language`; the Arabic one where there is no English."""
        return (self.name_en if language == "en" else "") or self.name_ar

    def description(self, language: str) -> str:
        return (self.description_en if language == "en" else "") or self.description_ar
