namespace ScheduledMessages.Bot.Access;

/// <summary>
/// The "Access" section: which chats may use the bot and how many commands a person or a chat may
/// send a minute before being throttled.
/// </summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>
    /// Chat ids allowed to use the bot, each entry one id or several separated by commas or spaces
    /// (environment: <c>Access__AllowedChatIds=42,-1001234</c> or <c>Access__AllowedChatIds__0=42</c>);
    /// empty lets every chat in. Other chats are refused once; nothing of theirs is stored or sent.
    /// Kept as text and parsed by the validator, because the configuration binder silently skips
    /// list items it cannot convert: a typo must stop the host, not open the bot to everyone.
    /// </summary>
    public IList<string> AllowedChatIds { get; } = new List<string>();

    /// <summary>Commands one user may send a minute; 0 means no limit.</summary>
    public int CommandsPerMinute { get; set; } = 30;

    /// <summary>Commands one chat (all its members together) may send a minute; 0 means no limit.</summary>
    public int ChatCommandsPerMinute { get; set; } = 60;

    /// <summary>
    /// In a group, the share of <see cref="ChatCommandsPerMinute"/> one member may use, in percent
    /// (1 to 100; 100 lets one member use the whole group's rate), so that one member cannot lock
    /// the others out. At least one command a minute each.
    /// </summary>
    public int MemberSharePercent { get; set; } = 50;

    /// <summary>Commands one member of a group may send there a minute; 0 when the chat has no limit.</summary>
    public int MemberCommandsPerMinute =>
        ChatCommandsPerMinute == 0 ? 0 : Math.Max(1, ChatCommandsPerMinute * Math.Clamp(MemberSharePercent, 1, 100) / 100);

    /// <summary>How long a refused chat is not answered again after its one refusal.</summary>
    public TimeSpan RefusalSilence { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Every id in <see cref="AllowedChatIds"/>; an entry that is not a list of ids (which the validator refuses at start) throws.</summary>
    public IEnumerable<long> ChatIds() =>
        AllowedChatIds.SelectMany(entry => TryParseChatIds(entry, out var ids)
            ? ids
            : throw new InvalidOperationException($"{SectionName}:{nameof(AllowedChatIds)} holds '{entry}', which is not a list of chat ids."));

    /// <summary>The ids in one <see cref="AllowedChatIds"/> entry; false when a part is not a non-zero whole number.</summary>
    public static bool TryParseChatIds(string? entry, out IReadOnlyList<long> ids)
    {
        var parsed = new List<long>();
        ids = parsed;
        foreach (var part in (entry ?? string.Empty).Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id) || id == 0)
            {
                return false;
            }

            parsed.Add(id);
        }

        return true;
    }
}
