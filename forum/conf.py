"""The forum's own settings (FORUM_*), with the defaults the issue asks for; override any in settings."""

from django.conf import settings


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])


DEFAULTS = {
    # Rate limits for new members (not yet trusted: fewer than FORUM_TRUSTED_AFTER_APPROVED_POSTS approved posts).
    "FORUM_NEW_MEMBER_TOPICS_PER_DAY": 3,
    "FORUM_NEW_MEMBER_REPLIES_PER_DAY": 10,
    "FORUM_NEW_MEMBER_MAX_LINKS": 2,
    "FORUM_MIN_SECONDS_BETWEEN_POSTS": 30,
    "FORUM_TRUSTED_AFTER_APPROVED_POSTS": 3,
    # Reports: a post reported by this many members is hidden until a moderator reviews it.
    "FORUM_REPORTS_TO_HIDE": 3,
    # Notifications: at most one e-mail per topic and subscriber in this many minutes.
    "FORUM_NOTIFY_THROTTLE_MINUTES": 10,
    # "Discuss this project" starts a project's topic in the forum of its category: {category slug: forum key of
    # forum/tree.py}; a category not listed goes to FORUM_PROJECT_DISCUSSION_FORUM.
    "FORUM_CATEGORY_FORUMS": {
        "e-payment": "e-payment",
        "finance-erp": "e-payment",
        "e-permits": "permits",
        "gis-planning": "gis",
        "portal-services": "portals",
        "complaints": "portals",
        "open-data": "portals",
        "documents-archiving": "infrastructure",
        "infrastructure": "infrastructure",
        "smart-city": "infrastructure",
        "security": "security",
        "legislation": "legislation",
        "training": "training",
    },
    "FORUM_PROJECT_DISCUSSION_FORUM": "portals",
    # Polls: the longest a poll may run, in days (machina accepts any number, which the database cannot store).
    "FORUM_POLL_MAX_DAYS": 365,
    # Attachments
    "FORUM_ATTACHMENT_MAX_BYTES": 5 * 1024 * 1024,
    # Anonymous forum pages are cached this long (0: not cached), and refreshed on any change (forum/caching.py).
    "FORUM_PAGE_CACHE_SECONDS": 300,
    "FORUM_ATTACHMENT_EXTENSIONS": ["pdf", "png", "jpg", "jpeg", "gif", "txt", "csv", "odt", "ods", "docx", "xlsx"],
}
