using NodaTime;
using NodaTime.Text;

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Instants as SQLite stores them: UTC ISO-8601 text with exactly seven fraction digits
/// (<c>2030-01-07T10:00:00.0000000Z</c>). Fixed width makes text order time order, so SQL compares
/// and sorts them directly, and SQLite's own date functions still read them.
/// </summary>
public static class InstantText
{
    private static readonly InstantPattern Stored =
        InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'");

    /// <summary>The stored form; sub-100 ns precision is dropped (PostgreSQL keeps microseconds).</summary>
    public static string Format(Instant instant) => Stored.Format(instant);

    /// <summary>Reads the stored form, or any extended ISO-8601 UTC instant another tool wrote.</summary>
    public static Instant Parse(string text)
    {
        var stored = Stored.Parse(text);
        if (stored.Success)
        {
            return stored.Value;
        }

        var iso = InstantPattern.ExtendedIso.Parse(text);
        return iso.Success
            ? iso.Value
            : throw new FormatException($"'{text}' is not a stored instant (expected UTC ISO-8601 such as 2030-01-07T10:00:00.0000000Z).");
    }
}
