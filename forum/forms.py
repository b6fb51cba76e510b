"""Forms: reports, e-mail settings, and machina's post/topic forms with the new-member limits added."""

from __future__ import annotations

import re
from datetime import timedelta

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from machina.core.db.models import get_model
from machina.core.loading import get_class

from forum import conf, selectors, services
from hub.text import SingleLineTextMixin
from hub.uploads import validate_upload

Post = get_model("forum_conversation", "Post")
MachinaPostForm = get_class("forum_conversation.forms", "PostForm")
MachinaTopicForm = get_class("forum_conversation.forms", "TopicForm")
LINK_RE = re.compile(r"(https?://|www\.)", re.IGNORECASE)
POSTING_TOO_SOON = "posting_too_soon"  # the error code the posting views answer with 429


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should a moderator look at this post?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )


class NotificationSettingsForm(forms.Form):
    daily_digest = forms.BooleanField(
        label=_("Send me one daily digest instead of an e-mail per topic"), required=False
    )


def check_posting_limits(*, user, content: str, new_topic: bool) -> None:
    """Raise a ValidationError when `user` may not post now (see FORUM_* settings)."""
    if not user.is_authenticated:
        return
    now = timezone.now()
    last = Post.objects.filter(poster=user).order_by("-created").values_list("created", flat=True).first()
    wait = conf.get("FORUM_MIN_SECONDS_BETWEEN_POSTS")
    if last and (now - last).total_seconds() < wait and not services.is_moderator_or_editor(user):
        raise forms.ValidationError(
            ngettext(
                "Please wait %(count)d second between two posts.",
                "Please wait %(count)d seconds between two posts.",
                wait,
            )
            % {"count": wait},
            code=POSTING_TOO_SOON,
        )
    if not services.is_new_member(user):
        return
    links = len(LINK_RE.findall(content or ""))
    max_links = conf.get("FORUM_NEW_MEMBER_MAX_LINKS")
    if links > max_links:
        raise forms.ValidationError(
            ngettext(
                "New members may put at most %(count)d link in a post.",
                "New members may put at most %(count)d links in a post.",
                max_links,
            )
            % {"count": max_links}
        )
    joined = getattr(user, "date_joined", None)
    if joined and now - joined < timedelta(days=1):
        mine = Post.objects.filter(poster=user, created__gte=now - timedelta(days=1))
        if new_topic:
            limit = conf.get("FORUM_NEW_MEMBER_TOPICS_PER_DAY")
            if mine.filter(topic__first_post_id=models_f_pk()).count() >= limit:
                raise forms.ValidationError(
                    ngettext(
                        "New members may start at most %(count)d topic on their first day.",
                        "New members may start at most %(count)d topics on their first day.",
                        limit,
                    )
                    % {"count": limit}
                )
        else:
            limit = conf.get("FORUM_NEW_MEMBER_REPLIES_PER_DAY")
            replies = mine.exclude(topic__first_post_id=models_f_pk()).count()
            if replies >= limit:
                raise forms.ValidationError(
                    ngettext(
                        "New members may post at most %(count)d reply on their first day.",
                        "New members may post at most %(count)d replies on their first day.",
                        limit,
                    )
                    % {"count": limit}
                )


def models_f_pk():
    from django.db.models import F

    return F("pk")


class RequestPermissionsMixin:
    """machina's post forms make a permission handler of their own, which loads the member's forum permissions
    again; given `perm_handler` (the request's, which already knows them), the form asks that one instead."""

    def __init__(self, *args, perm_handler=None, **kwargs):
        self._request_perm_handler = perm_handler
        super().__init__(*args, **kwargs)

    @property
    def perm_handler(self):
        return self._request_perm_handler or self._own_perm_handler

    @perm_handler.setter
    def perm_handler(self, handler):
        self._own_perm_handler = handler


class ReplySubjectMixin:
    """A reply's subject starts with "Re:" in the reader's language (machina's prefix is a setting, in English)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and self.topic and "subject" in self.fields:
            prefix = gettext("Re:")
            self.fields["subject"].initial = f"{prefix} {self.topic.subject}"


class LimitedPostForm(RequestPermissionsMixin, ReplySubjectMixin, SingleLineTextMixin, MachinaPostForm):
    """machina's reply form, refusing posts beyond the limits of new members (FORUM_* settings)."""

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:  # editing is not limited
            check_posting_limits(user=self.user, content=cleaned.get("content") or "", new_topic=False)
        return cleaned


class LimitedTopicForm(SingleLineTextMixin, MachinaTopicForm):
    """machina's new-topic form with the same limits, and a poll duration the database can store."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "poll_duration" in self.fields:
            max_days = conf.get("FORUM_POLL_MAX_DAYS")
            field = self.fields["poll_duration"]
            field.max_value = max_days
            field.widget.attrs["max"] = max_days
            field.validators.append(
                MaxValueValidator(
                    max_days,
                    message=ngettext(
                        "A poll can run for at most %(count)d day.",
                        "A poll can run for at most %(count)d days.",
                        max_days,
                    )
                    % {"count": max_days},
                )
            )

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            check_posting_limits(user=self.user, content=cleaned.get("content") or "", new_topic=True)
        return cleaned


MachinaAttachmentFormset = get_class("forum_attachments.forms", "AttachmentFormset")


class CheckedAttachmentFormset(MachinaAttachmentFormset):
    """machina's attachment formset, accepting only the allowed types and sizes, with content that matches the name
    (the site's one upload check, hub.uploads, as for project documents)."""

    def clean(self):
        super().clean()
        for form in self.forms:
            upload = form.cleaned_data.get("file") if hasattr(form, "cleaned_data") else None
            if not upload or not hasattr(upload, "size"):
                continue
            try:
                validate_upload(
                    upload,
                    extensions=conf.get("FORUM_ATTACHMENT_EXTENSIONS"),
                    max_size=conf.get("FORUM_ATTACHMENT_MAX_BYTES"),
                )
            except forms.ValidationError as error:
                form.add_error("file", error)
                raise forms.ValidationError(error.messages) from None


MachinaPollOptionFormset = get_class("forum_polls.forms", "TopicPollOptionFormset")


class PollOptionFormset(MachinaPollOptionFormset):
    """machina's poll options, with its one message (in English only: not marked for translation) translated."""

    def clean(self):
        try:
            super().clean()
        except forms.ValidationError:
            raise forms.ValidationError(_("At least two poll options must be defined.")) from None


MachinaTopicMoveForm = get_class("forum_moderation.forms", "TopicMoveForm")


class DisabledOptionsSelect(forms.Select):
    """A select whose options listed in `disabled_values` cannot be chosen (categories, the topic's own forum)."""

    def __init__(self, *args, **kwargs):
        self.disabled_values: set[str] = set()
        super().__init__(*args, **kwargs)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


class TopicMoveForm(MachinaTopicMoveForm):
    """machina's "Move topic" form with the forums named in the reader's language. machina marks the forums that
    cannot be chosen with a dict label, which Django 5 takes for a group of options ("label", "disabled", "True");
    here they are plain options, disabled."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = selectors.forum_names()
        widget = DisabledOptionsSelect()
        choices = []
        for forum in self.allowed_forums:
            label = names.get(forum.pk, (forum.name, ""))[0]
            choices.append((forum.pk, f"{'— ' * forum.level}{label}"))
            if forum.is_category or forum.pk == self.topic.forum_id:
                widget.disabled_values.add(str(forum.pk))
        self.fields["forum"].widget = widget
        self.fields["forum"].choices = choices

    def clean_forum(self):
        try:
            return super().clean_forum()
        except forms.ValidationError:
            raise forms.ValidationError(_("You cannot move the topic to this forum.")) from None
