using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// The test's own, independent arithmetic for when a schedule is next due, and the reading of the
/// "Next send: Mon 2030-12-30 09:00 (Zone)" lines the bot writes.
/// </summary>
public static partial class ExpectedTimes
{
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.Create("yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>The first wall-clock <paramref name="time"/> after <paramref name="now"/> on a day <paramref name="onDay"/> accepts.</summary>
    public static LocalDateTime NextWallClock(ZonedDateTime now, Func<LocalDate, bool> onDay, LocalTime time)
    {
        for (var date = now.Date; date <= now.Date.PlusDays(62); date = date.PlusDays(1))
        {
            if (onDay(date) && date + time > now.LocalDateTime)
            {
                return date + time;
            }
        }

        throw new InvalidOperationException("No such day within two months.");
    }

    /// <summary>The local time shown after "Next send:" (to the minute), with its zone id; fails the test when missing.</summary>
    public static (LocalDateTime Local, string Zone) NextSend(string reply)
    {
        var match = NextSendLine().Match(reply);
        Assert.True(match.Success, $"The reply shows no next send time:\n{reply}");
        return (Shown.Parse(match.Groups["time"].Value).Value, match.Groups["zone"].Value);
    }

    /// <summary>How the bot shows a local time: "Mon 2030-12-30 09:00".</summary>
    public static string Format(LocalDateTime local) =>
        local.ToString("ddd yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>Cuts seconds and below off, as the chat shows times to the minute.</summary>
    public static LocalDateTime ToMinute(LocalDateTime local) => local.Date + new LocalTime(local.Hour, local.Minute);

    [GeneratedRegex(@"Next send: \w{3} (?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2})(?::\d{2})? \((?<zone>[^)]+)\)")]
    private static partial Regex NextSendLine();
}
