"""Attachments: the file is in the private media folder; the web server sends it once the right is checked."""

from machina.apps.forum_conversation.forum_attachments.views import AttachmentView as MachinaAttachmentView

from hub.storage import hand_over_private_file


class AttachmentView(MachinaAttachmentView):
    """machina's download view (it checks `can_download_file` on the forum), refusing attachments of posts the
    reader may not see, and handing the bytes to the web server (django-sendfile2: X-Accel-Redirect with nginx),
    or the reader to a signed URL with object storage (hub.storage)."""

    def get_object(self, queryset=None):
        if not hasattr(self, "_attachment"):
            self._attachment = super().get_object(queryset)
        return self._attachment

    def perform_permissions_check(self, user, obj, perms):
        return super().perform_permissions_check(
            user, obj, perms
        ) and self.request.forum_permission_handler.can_read_post(self.get_object().post, user)

    def render_to_response(self, context, **response_kwargs):
        attachment = self.object
        return hand_over_private_file(self.request, name=attachment.file.name, filename=attachment.filename)
