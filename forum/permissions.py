"""Who may do what in which forum: the roles, as machina group/user forum permissions, set by `setup_forum`.

machina checks permissions per forum for the anonymous user, every signed-in user, groups and single users.
Our roles map onto that as follows (groups are kept in step with accounts by forum.receivers):
- the public (anonymous) and every signed-in user read the public forums;
- FORUM_MEMBERS (a verified e-mail address) post, but their posts wait for approval;
- FORUM_TRUSTED (members with enough approved posts) and verified municipal staff post without approval;
- verified staff (FORUM_STAFF: `municipality` set) also read and post in the staff lounge;
- ministry editors post in the announcements forum; moderators moderate everywhere and have their own forum.
"""

from __future__ import annotations

from hub.accounts import roles

FORUM_MEMBERS = "Forum members"  # signed-in, with a verified e-mail address
FORUM_TRUSTED = "Forum trusted members"  # their first posts were approved
FORUM_STAFF = "Forum verified staff"  # mirror of `user.municipality` being set
FORUM_GROUPS = (FORUM_MEMBERS, FORUM_TRUSTED, FORUM_STAFF)

READ = ["can_see_forum", "can_read_forum", "can_download_file"]
POST = [
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_delete_own_posts",
    "can_create_polls",
    "can_vote_in_polls",
    "can_attach_file",
]
REPLY_ONLY = ["can_reply_to_topics", "can_edit_own_posts", "can_vote_in_polls"]
NO_APPROVAL = ["can_post_without_approval"]
MODERATE = [
    "can_lock_topics",
    "can_move_topics",
    "can_edit_posts",
    "can_delete_posts",
    "can_approve_posts",
    "can_reply_to_locked_topics",
    "can_post_stickies",
    "can_post_announcements",
]

# Forum kinds: what each audience may do there. "anonymous"/"authenticated" are machina's all-user rows.
PLAN = {
    "public": {
        "anonymous": READ,
        "authenticated": READ,
        FORUM_MEMBERS: READ + POST,
        FORUM_TRUSTED: READ + POST + NO_APPROVAL,
        FORUM_STAFF: READ + POST + NO_APPROVAL,
        roles.MINISTRY_EDITORS: READ + POST + NO_APPROVAL,
        roles.FORUM_MODERATORS: READ + POST + NO_APPROVAL + MODERATE,
    },
    "announcements": {
        "anonymous": READ,
        "authenticated": READ,
        roles.MINISTRY_EDITORS: READ + POST + NO_APPROVAL + ["can_post_announcements", "can_post_stickies"],
        roles.FORUM_MODERATORS: READ + POST + NO_APPROVAL + MODERATE,
    },
    "staff": {
        FORUM_STAFF: READ + POST + NO_APPROVAL,
        roles.MINISTRY_EDITORS: READ + POST + NO_APPROVAL,
        roles.FORUM_MODERATORS: READ + POST + NO_APPROVAL + MODERATE,
    },
    "moderators": {
        roles.FORUM_MODERATORS: READ + POST + NO_APPROVAL + MODERATE,
    },
}
