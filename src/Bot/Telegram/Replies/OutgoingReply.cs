using Telegram.Bot.Types.ReplyMarkups;

namespace ScheduledMessages.Bot.Telegram.Replies;

/// <summary>A reply ready to be sent: its chat, its text (already within Telegram's length) and its buttons, if any.</summary>
public sealed record OutgoingReply(long ChatId, string Text, ReplyMarkup? Markup = null);
