namespace ScheduledMessages.Bot.Commands;

/// <summary>A message split into command name and arguments: "/schedule@MyBot daily 09:00 Hi".</summary>
public sealed record CommandLine(string Name, string? Target, string Arguments)
{
    /// <summary>Null when the text is not a command.</summary>
    public static CommandLine? Parse(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length < 2 || trimmed[0] != '/')
        {
            return null;
        }

        var end = 1;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        var token = trimmed[1..end];
        var at = token.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? token : token[..at]).ToLowerInvariant();
        var target = at < 0 ? null : token[(at + 1)..];
        return name.Length == 0 ? null : new CommandLine(name, target, trimmed[end..].Trim());
    }

    /// <summary>True unless the command names another bot (groups: "/help@OtherBot").</summary>
    public bool IsFor(string? botUsername) =>
        Target is null || botUsername is null || string.Equals(Target, botUsername, StringComparison.OrdinalIgnoreCase);
}
