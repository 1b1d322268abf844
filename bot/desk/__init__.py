"""The conversation layer: commands, cooldown, moderators, follow-ups, Share, /add, apologies."""

from bot.desk.desk import Desk, Moderation
from bot.desk.models import Attachment, Command, Reply, ReplyKind, Request

__all__ = ["Attachment", "Command", "Desk", "Moderation", "Reply", "ReplyKind", "Request"]
