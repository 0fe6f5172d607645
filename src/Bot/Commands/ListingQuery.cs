using System.Globalization;
using System.Text.RegularExpressions;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.List;
using ScheduledMessages.Grammar;

namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// What /scheduled shows: a kind, a status, a text to search for, an order and a page, read from
/// what people type ("daily paused sort:created text:\"stand up\" 2") and written back in the same
/// words, so a paging button or a typed command carries the same listing.
/// </summary>
public sealed partial record ListingQuery(
    string? Kind = null,
    ScheduledMessageStatusFilter? Status = null,
    ScheduledMessageSort Sort = ScheduledMessageSort.NextTime,
    string? Text = null,
    int Page = 1)
{
    /// <summary>The filter words, for help texts.</summary>
    public const string FilterHelp =
        "kind: once, daily, weekly, monthly, custom; status: active, paused, sent, failed, cancelled, all; "
        + "text:word or text:\"some words\"; sort:next, sort:created or sort:priority; a page number";

    private static readonly Dictionary<string, ScheduledMessageStatusFilter> StatusWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["active"] = ScheduledMessageStatusFilter.Active,
        ["pending"] = ScheduledMessageStatusFilter.Pending,
        ["retrying"] = ScheduledMessageStatusFilter.Rescheduled,
        ["paused"] = ScheduledMessageStatusFilter.Paused,
        ["sent"] = ScheduledMessageStatusFilter.Sent,
        ["failed"] = ScheduledMessageStatusFilter.Failed,
        ["cancelled"] = ScheduledMessageStatusFilter.Cancelled,
        ["canceled"] = ScheduledMessageStatusFilter.Cancelled,
        ["all"] = ScheduledMessageStatusFilter.All,
    };

    private static readonly Dictionary<string, ScheduledMessageSort> SortWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["next"] = ScheduledMessageSort.NextTime,
        ["created"] = ScheduledMessageSort.Created,
        ["priority"] = ScheduledMessageSort.Priority,
    };

    /// <summary>What the list shows by default: every message that may still be sent, paused ones too.</summary>
    public ScheduledMessageStatusFilter StatusFilter => Status ?? ScheduledMessageStatusFilter.Open;

    /// <summary>True when anything but the page was chosen.</summary>
    public bool IsFiltered => Kind is not null || Status is not null || Text is not null || Sort != ScheduledMessageSort.NextTime;

    /// <summary>Reads the arguments of /scheduled; the problem is worded for the chat.</summary>
    public static (ListingQuery? Query, string? Problem) Parse(string arguments)
    {
        var query = new ListingQuery();
        var normalized = arguments.Replace('“', '"').Replace('”', '"').Replace('„', '"');
        foreach (Match token in Token().Matches(normalized))
        {
            var (problem, next) = Apply(query, token);
            if (problem is not null)
            {
                return (null, problem);
            }

            query = next!;
        }

        return (query, null);
    }

    /// <summary>The filters in the words /scheduled reads (no page), e.g. "daily paused text:\"stand up\"".</summary>
    public string Filters()
    {
        var words = new List<string>();
        if (Kind is not null)
        {
            words.Add(Kind);
        }

        if (Status is { } status)
        {
            words.Add(StatusWords.First(w => w.Value == status).Key);
        }

        if (Sort != ScheduledMessageSort.NextTime)
        {
            words.Add("sort:" + SortWords.First(w => w.Value == Sort).Key);
        }

        if (Text is not null)
        {
            words.Add(Text.Any(char.IsWhiteSpace) ? $"text:\"{Text}\"" : $"text:{Text}");
        }

        return string.Join(' ', words);
    }

    /// <summary>The command that shows page <paramref name="page"/> of this listing.</summary>
    public string CommandFor(int page)
    {
        var filters = Filters();
        return "/scheduled" + (filters.Length > 0 ? " " + filters : string.Empty) + (page > 1 ? " " + page.ToString(CultureInfo.InvariantCulture) : string.Empty);
    }

    private static (string? Problem, ListingQuery? Next) Apply(ListingQuery query, Match token)
    {
        if (token.Groups["quoted"].Success || token.Groups["bare"].Success)
        {
            var text = (token.Groups["quoted"].Success ? token.Groups["quoted"].Value : token.Groups["bare"].Value).Trim();
            if (text.Length == 0)
            {
                return ("text: needs something to search for, e.g. text:dentist or text:\"stand up\".", null);
            }

            return query.Text is null
                ? (null, query with { Text = text })
                : ("Give one text to search for; put several words in quotes: text:\"stand up\".", null);
        }

        var word = token.Value;
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        var (key, value) = colon < 0 ? (string.Empty, word) : (word[..colon].ToLowerInvariant(), word[(colon + 1)..]);
        var isPage = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= ListScheduledMessages.MaxPage;
        switch (key)
        {
            case "" or "page" when !isPage && value.All(char.IsAsciiDigit) && value.TrimStart('0').Length > 0:
                return ($"There is no page {ChatFormat.Preview(value)}: pages go from 1 to at most {ListScheduledMessages.MaxPage:N0}, e.g. /scheduled 2.", null);
            case "" or "page" when Digits.HasOthers(value):
                return (Digits.Problem(ChatFormat.Preview(value)), null);
            case "" or "page" when isPage:
                return (null, query with { Page = page });
            case "page":
                return ($"'{ChatFormat.Preview(value)}' is not a page number: pages are numbered from 1.", null);
            case "" or "kind" when RecurrenceKinds.Normalize(value) is { } kind:
                return query.Kind is null ? (null, query with { Kind = kind }) : ("Give one kind: once, daily, weekly, monthly or custom.", null);
            case "" or "status" when StatusWords.TryGetValue(value, out var status):
                return query.Status is null ? (null, query with { Status = status }) : ("Give one status: active, paused, sent, failed, cancelled or all.", null);
            case "sort" or "by" when SortWords.TryGetValue(value, out var sort):
                return (null, query with { Sort = sort });
            case "sort" or "by":
                return ($"'{ChatFormat.Preview(value)}' is not an order: use sort:next, sort:created or sort:priority.", null);
            case "kind":
                return ($"'{ChatFormat.Preview(value)}' is not a kind: use once, daily, weekly, monthly or custom.", null);
            case "status":
                return ($"'{ChatFormat.Preview(value)}' is not a status: use active, paused, sent, failed, cancelled or all.", null);
            default:
                return ($"'{ChatFormat.Preview(word)}' is not a page number. To search the texts for it, write text:{ChatFormat.Preview(word)}", null);
        }
    }

    [GeneratedRegex("""(?i:text):"(?<quoted>[^"]*)"?|(?i:text):(?<bare>\S*)|\S+""")]
    private static partial Regex Token();
}
