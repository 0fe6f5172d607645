namespace ScheduledMessages.Bot.Conversations;

/// <summary>
/// An inline button under a reply; tapping it sends <see cref="CallbackData"/> back (at most 64
/// bytes). <see cref="Command"/> is what a person would type to the same effect, shown instead of
/// the button where there are no buttons (the console); null when there is nothing to type.
/// </summary>
public sealed record ReplyButton(string Label, string CallbackData, string? Command = null);
