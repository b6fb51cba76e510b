"""Where uploaded files live: public ones (images, avatars) under MEDIA_ROOT, which the web server serves at
/media/; files that are not public (every Wagtail document, every forum attachment) under PRIVATE_MEDIA_ROOT,
which it never serves directly: a view checks the reader's right and hands the file over (hub/settings SENDFILE_*).

The default storage routes each file by the folder its model uploads to, so Wagtail's and machina's models keep
their own fields (and migrations) unchanged. Each side is a storage alias of its own (STORAGES["public_media"],
STORAGES["private_media"]). With MEDIA_STORAGE=s3 both aliases are S3-compatible object storage (django-storages):
public objects readable by anyone, private ones signed for one reader at a time (hub/storage_s3.py).
"""

from __future__ import annotations

import mimetypes

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django_sendfile import sendfile

# Upload folders whose files are never public (Wagtail's Document.file upload_to; machina's attachments folder).
PRIVATE_FOLDERS = ("documents", "machina/attachments")


def is_private(name: str) -> bool:
    """Whether a stored file name belongs in the private media folder."""
    name = str(name).replace("\\", "/").lstrip("/")
    return any(name == folder or name.startswith(folder + "/") for folder in PRIVATE_FOLDERS)


class PrivateMediaStorage(FileSystemStorage):
    """The private media folder (PRIVATE_MEDIA_ROOT); its files have no public URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        # NotImplementedError is what Wagtail's document view expects of a storage without URLs.
        raise NotImplementedError("Files in the private media folder have no public URL; serve them through a view.")


class MediaStorage(Storage):
    """The default storage: each call goes to the public or the private storage, by the file's folder."""

    def _pick(self, name) -> Storage:
        return storages["private_media" if is_private(name) else "public_media"]

    def open(self, name, mode="rb"):
        return self._pick(name).open(name, mode)

    def save(self, name, content, max_length=None):
        return self._pick(name).save(name, content, max_length=max_length)

    def get_available_name(self, name, max_length=None):
        return self._pick(name).get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self._pick(filename).generate_filename(filename)

    def delete(self, name):
        return self._pick(name).delete(name)

    def exists(self, name):
        return self._pick(name).exists(name)

    def listdir(self, path):
        return self._pick(path).listdir(path)

    def size(self, name):
        return self._pick(name).size(name)

    def url(self, name):
        return self._pick(name).url(name)

    def path(self, name):
        return self._pick(name).path(name)

    def get_accessed_time(self, name):
        return self._pick(name).get_accessed_time(name)

    def get_created_time(self, name):
        return self._pick(name).get_created_time(name)

    def get_modified_time(self, name):
        return self._pick(name).get_modified_time(name)


def private_files_are_remote() -> bool:
    """Whether private files are in object storage (no local path; handed over by signed URLs)."""
    return hasattr(storages["private_media"], "signed_url")


def hand_over_private_file(
    request: HttpRequest, *, name: str, filename: str, content_type: str = "", disposition: str = ""
) -> HttpResponse:
    """The answer to a reader whose right to a private file was checked: the web server sends the file from the
    private folder (django-sendfile2, X-Accel-Redirect in production), or the reader is sent to a signed URL of the
    object store that expires within a minute (MEDIA_STORAGE=s3). Only ever call this after the check."""
    storage = storages["private_media"]
    if hasattr(storage, "signed_url"):
        content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        disposition = disposition or content_disposition_header(as_attachment=True, filename=filename) or ""
        response = HttpResponseRedirect(storage.signed_url(name, disposition=disposition, content_type=content_type))
        response["Cache-Control"] = "private, no-store"  # the signed URL is for this reader only
        return response
    return sendfile(request, storage.path(name), attachment=True, attachment_filename=filename)
