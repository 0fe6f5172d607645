using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>The kinds of schedule a chat can list by, as stored in <c>metadata.recurrence.type</c>.</summary>
public static class RecurrenceKinds
{
    public const string Once = "once";
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public const string Custom = "custom";

    public static readonly IReadOnlyList<string> All = [Once, Daily, Weekly, Monthly, Custom];

    /// <summary>
    /// A message's kind. Specifications may use it in criteria: persistence translates the call to
    /// the stored <c>recurrence_kind</c> column, so rows written by other tools filter alike.
    /// </summary>
    public static string Of(ScheduledMessage message) => message.Recurrence.Kind;

    /// <summary>The canonical kind for a user's word, or null when it names none.</summary>
    public static string? Normalize(string? kind) =>
        All.FirstOrDefault(k => string.Equals(k, kind?.Trim(), StringComparison.OrdinalIgnoreCase));
}
