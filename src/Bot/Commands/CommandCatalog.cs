using System.Text;
using System.Text.RegularExpressions;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// Every <see cref="IBotCommand"/> of the bot, by name. The help text and the Telegram menu are
/// generated from it, so adding a command class is all it takes to offer a command.
/// </summary>
public sealed partial class CommandCatalog
{
    private readonly IReadOnlyDictionary<string, IBotCommand> _byName;
    private readonly Dictionary<string, IButtonCommand> _byButtonKey = new(StringComparer.Ordinal);

    public CommandCatalog(IEnumerable<IBotCommand> commands)
    {
        Commands = [.. commands.OrderBy(c => c.Name, StringComparer.Ordinal)];
        foreach (var command in Commands)
        {
            if (!ValidName().IsMatch(command.Name))
            {
                throw new InvalidOperationException($"Command name '{command.Name}' must be 1..32 of a-z, 0-9 and _.");
            }

            if (command.Description.Length is < 1 or > 256)
            {
                throw new InvalidOperationException($"The description of /{command.Name} must be 1..256 characters.");
            }
        }

        _byName = Commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var command in Commands.OfType<IButtonCommand>())
        {
            foreach (var key in command.ButtonKeys)
            {
                if (key.Length == 0 || key.Contains(':', StringComparison.Ordinal) || !_byButtonKey.TryAdd(key, command))
                {
                    throw new InvalidOperationException($"The button key '{key}' of {command.GetType().Name} must be non-empty, without ':', and used by one command only.");
                }
            }
        }
    }

    public IReadOnlyList<IBotCommand> Commands { get; }

    public IBotCommand? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The command whose buttons carry callback data starting with <paramref name="key"/>.</summary>
    public IButtonCommand? FindButton(string key) => _byButtonKey.GetValueOrDefault(key);

    /// <summary>The command names closest to a mistyped one, best first.</summary>
    public IReadOnlyList<string> Suggest(string name) =>
    [
        .. Commands
            // Names are at most 32 characters: a far longer word is no typo of one, and measuring it would be slow.
            .Select(c => (c.Name, Distance: name.Length > 64 ? int.MaxValue : EditDistance.Between(name, c.Name)))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 3) || x.Name.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(x.Name, StringComparison.Ordinal))
            .OrderBy(x => x.Distance)
            .Take(2)
            .Select(x => x.Name),
    ];

    public string HelpText()
    {
        var text = new StringBuilder("I send messages to this chat at the times you choose.\n\nCommands:\n");
        foreach (var command in Commands)
        {
            text.Append('/').Append(command.Name).Append(" - ").Append(command.Description).Append('\n');
        }

        text.Append("\nSend /help <command> for its usage and examples, e.g. /help schedule.");
        return text.ToString();
    }

    public string UnknownCommandReply(string name)
    {
        var suggestions = Suggest(name);
        var hint = suggestions.Count > 0
            ? $" Did you mean {string.Join(" or ", suggestions.Select(s => "/" + s))}?"
            : string.Empty;
        return $"I don't know the command /{ChatFormat.Preview(name)}.{hint} Send /help to see what I can do.";
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex ValidName();
}
