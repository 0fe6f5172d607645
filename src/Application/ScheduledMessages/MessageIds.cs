using System.Text.RegularExpressions;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>
/// How people write a message's id: the full id, or its short form, the first
/// <see cref="MinPrefixLength"/> or more hex digits (as /scheduled shows them), hyphens left out.
/// </summary>
public static partial class MessageIds
{
    /// <summary>The fewest hex digits accepted as an id prefix, and the length of the short id shown.</summary>
    public const int MinPrefixLength = 8;

    /// <summary>The short id shown in lists: the first <see cref="MinPrefixLength"/> hex digits.</summary>
    public static string ShortForm(Guid id) => id.ToString("N")[..MinPrefixLength];

    /// <summary>The id's hex digits without hyphens (32 characters), a compact form for button data.</summary>
    public static string Compact(Guid id) => id.ToString("N");

    /// <summary>
    /// Reads what someone typed as an id: a full id (<paramref name="id"/> set), or a lower-case hex
    /// prefix of 8 to 31 digits (<paramref name="prefix"/> set). False when it is neither.
    /// </summary>
    public static bool TryRead(string? text, out Guid? id, out string? prefix)
    {
        id = null;
        prefix = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 36 && Guid.TryParseExact(trimmed, "D", out var full))
        {
            id = full;
            return true;
        }

        if (trimmed.Length == 32 && Guid.TryParseExact(trimmed, "N", out var compact))
        {
            id = compact;
            return true;
        }

        if (HexPrefix().IsMatch(trimmed))
        {
            prefix = trimmed.ToLowerInvariant();
            return true;
        }

        return false;
    }

    /// <summary>
    /// The prefix in the id's usual written form (with hyphens after the 8th, 12th, 16th and 20th
    /// digit), which is how both stores turn an id into text.
    /// </summary>
    public static string Hyphenated(string hexPrefix)
    {
        var text = hexPrefix.ToLowerInvariant();
        foreach (var at in new[] { 20, 16, 12, 8 })
        {
            if (text.Length > at)
            {
                text = text.Insert(at, "-");
            }
        }

        return text;
    }

    /// <summary>
    /// For each id, its shortest prefix (at least <see cref="MinPrefixLength"/> digits) that no other
    /// id of <paramref name="ids"/> shares, so a list never shows two equal short ids.
    /// </summary>
    public static IReadOnlyDictionary<Guid, string> ShortestUnique(IEnumerable<Guid> ids)
    {
        var compact = ids.Distinct().ToDictionary(id => id, Compact);
        var result = new Dictionary<Guid, string>(compact.Count);
        foreach (var (id, hex) in compact)
        {
            var length = MinPrefixLength;
            while (length < hex.Length && compact.Any(other => other.Key != id && other.Value.StartsWith(hex[..length], StringComparison.Ordinal)))
            {
                length++;
            }

            result[id] = hex[..length];
        }

        return result;
    }

    [GeneratedRegex("^[0-9a-fA-F]{8,31}$")]
    private static partial Regex HexPrefix();
}
