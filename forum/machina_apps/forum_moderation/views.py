"""machina's moderation views; once an action is done, the site's service records it (and, for an approval,
applies what follows: forum.services.post_approved), in the action's transaction."""

from django.db import transaction
from machina.apps.forum_moderation import views as machina

from forum import forms, services


class TopicLockView(machina.TopicLockView):
    def lock(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().lock(request, *args, **kwargs)
            services.topic_moderated(topic=self.object, moderator=request.user, action="lock_topic")
        return response


class TopicUnlockView(machina.TopicUnlockView):
    def unlock(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().unlock(request, *args, **kwargs)
            services.topic_moderated(topic=self.object, moderator=request.user, action="unlock_topic")
        return response


class TopicMoveView(machina.TopicMoveView):
    form_class = forms.TopicMoveForm

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            services.topic_moderated(topic=self.object, moderator=self.request.user, action="move_topic")
        return response


class TopicDeleteView(machina.TopicDeleteView):
    def form_valid(self, form):
        with transaction.atomic():
            services.topic_moderated(topic=self.object, moderator=self.request.user, action="delete_topic")
            return super().form_valid(form)


class PostApproveView(machina.PostApproveView):
    def approve(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().approve(request, *args, **kwargs)
            services.post_approved(post=self.object, moderator=request.user)
        return response


class PostDisapproveView(machina.PostDisapproveView):
    def disapprove(self, request, *args, **kwargs):
        with transaction.atomic():
            services.post_disapproved(post=self.get_object(), moderator=request.user)
            return super().disapprove(request, *args, **kwargs)
