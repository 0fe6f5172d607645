namespace ScheduledMessages.Bot.Conversations;

/// <summary>An inline button under a reply; tapping it sends <see cref="CallbackData"/> back.</summary>
public sealed record ReplyButton(string Label, string CallbackData);
