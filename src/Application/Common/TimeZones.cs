using NodaTime;

namespace ScheduledMessages.Application.Common;

/// <summary>Looks IANA zone ids up forgivingly and suggests near misses.</summary>
public static class TimeZones
{
    /// <summary>
    /// The longest name looked up (the longest IANA id has 32 characters): a longer one is no zone
    /// and no typo of one, and measuring its distance to every id would cost time for nothing.
    /// </summary>
    public const int MaxIdLength = 64;

    private static readonly IReadOnlyList<string> Ids = DateTimeZoneProviders.Tzdb.Ids;

    /// <summary>True when <paramref name="id"/>, trimmed, is longer than any zone name may be.</summary>
    public static bool IsTooLong(string? id) => id is not null && id.Trim().Length > MaxIdLength;

    /// <summary>The zone for an id, ignoring case and surrounding spaces; null when unknown.</summary>
    public static DateTimeZone? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || IsTooLong(id))
        {
            return null;
        }

        var trimmed = id.Trim().Replace(' ', '_');
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(trimmed) is { } exact)
        {
            return exact;
        }

        var match = Ids.FirstOrDefault(known => string.Equals(known, trimmed, StringComparison.OrdinalIgnoreCase));
        return match is null ? null : DateTimeZoneProviders.Tzdb[match];
    }

    /// <summary>The zone for an id, or <paramref name="fallback"/> when it is missing or unknown.</summary>
    public static DateTimeZone FindOr(string? id, DateTimeZone fallback) => Find(id) ?? fallback;

    /// <summary>Up to <paramref name="count"/> known ids closest to <paramref name="id"/>, best first.</summary>
    public static IReadOnlyList<string> Suggest(string? id, int count = 3)
    {
        var query = (id ?? string.Empty).Trim().Replace(' ', '_').ToLowerInvariant();
        if (query.Length is 0 or > MaxIdLength)
        {
            return [];
        }

        return Ids
            .Select(known => (Id: known, Score: Score(query, known.ToLowerInvariant())))
            .Where(c => c.Score <= Math.Max(3, query.Length / 2))
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Id)
            .ToList();
    }

    // The distance to the whole id or to its city part, whichever is closer, so "berlin" finds "Europe/Berlin".
    private static int Score(string query, string known)
    {
        var city = known[(known.LastIndexOf('/') + 1)..];
        var best = Math.Min(EditDistance.Between(query, known), EditDistance.Between(query, city));
        return known.Contains(query, StringComparison.Ordinal) && query.Length >= 3 ? Math.Min(best, 1) : best;
    }
}
