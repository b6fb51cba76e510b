"""The forum's moderation actions in Wagtail's audit log: each action type with its label (both languages, from the
catalogue), so the admin's "Site history" report lists them (forum.services.log_moderation writes them)."""

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from forum import services


class ModerationLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        detail = log_entry.data.get("detail", "")
        return f"{self.label}: {detail}" if detail else str(self.label)


@hooks.register("register_log_actions")
def register_forum_log_actions(actions):
    for action, label in services.MODERATION_ACTIONS.items():
        actions.register_action(services.AUDIT_ACTION_PREFIX + action)(
            type(f"Forum{action.title().replace('_', '')}Formatter", (ModerationLogFormatter,), {"label": label})
        )
