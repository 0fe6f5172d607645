namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>Breaks the handler rule: called a handler (so it is one by name) but left unsealed.</summary>
public class ReminderHandler
{
    public string Prefix { get; init; } = "Reminder";

    public string Remind(string text) => $"{Prefix}: {text}";
}
