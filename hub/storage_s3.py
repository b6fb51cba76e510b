"""Private media in S3-compatible object storage (django-storages): objects are private, nothing renders a URL
for them, and the view that checked the reader's right hands over a signed URL that expires within a minute.

Only imported when MEDIA_STORAGE=s3 (hub/settings/base.py), so boto3 is not loaded by a site that keeps files on disk.
"""

from __future__ import annotations

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """The private media bucket or prefix: private ACL, no public URL, signed URLs only through `signed_url`."""

    def __init__(self, **settings):
        super().__init__(**settings)
        # Always private and signed by S3 itself: a CDN domain (custom_domain) would give unsigned URLs.
        self.default_acl = "private"
        self.querystring_auth = True
        self.custom_domain = None

    def url(self, name, parameters=None, expire=None, http_method=None):
        # As for the private folder: a template or API cannot leak a working link by asking for file.url.
        raise NotImplementedError("Private files have no public URL; serve them through a view that checks the reader.")

    def signed_url(self, name: str, *, disposition: str, content_type: str) -> str:
        """A GET URL for one object, valid for `querystring_expire` seconds, answered with these headers."""
        parameters = {"ResponseContentDisposition": disposition, "ResponseContentType": content_type}
        return super().url(name, parameters=parameters, expire=self.querystring_expire)
