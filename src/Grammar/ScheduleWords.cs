using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace ScheduledMessages.Grammar;

/// <summary>
/// The words of the schedule grammar: times, dates, durations, weekdays, ordinals. Each reader
/// returns null when the token is not of its kind, or an error when it is but is wrong (25:00).
/// </summary>
internal static partial class ScheduleWords
{
    /// <summary>Durations stop here: a year and a day is longer than any reminder needs.</summary>
    public static readonly Duration MaxDuration = Duration.FromDays(366);

    private static readonly Dictionary<string, IsoDayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["mon"] = IsoDayOfWeek.Monday, ["monday"] = IsoDayOfWeek.Monday,
        ["tue"] = IsoDayOfWeek.Tuesday, ["tues"] = IsoDayOfWeek.Tuesday, ["tuesday"] = IsoDayOfWeek.Tuesday,
        ["wed"] = IsoDayOfWeek.Wednesday, ["wednesday"] = IsoDayOfWeek.Wednesday,
        ["thu"] = IsoDayOfWeek.Thursday, ["thur"] = IsoDayOfWeek.Thursday, ["thurs"] = IsoDayOfWeek.Thursday, ["thursday"] = IsoDayOfWeek.Thursday,
        ["fri"] = IsoDayOfWeek.Friday, ["friday"] = IsoDayOfWeek.Friday,
        ["sat"] = IsoDayOfWeek.Saturday, ["saturday"] = IsoDayOfWeek.Saturday,
        ["sun"] = IsoDayOfWeek.Sunday, ["sunday"] = IsoDayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> OrdinalWords = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["last"] = -1,
    };

    public const string WeekdayHelp = "use mon, tue, wed, thu, fri, sat, sun or the full names";

    public const string DurationHelp = "use seconds (s), minutes (m), hours (h), days (d) or weeks (w), e.g. 20m, 2h or 1h30m";

    public static bool LooksLikeTime(string token) => TimeShape().IsMatch(token);

    /// <summary>HH:mm, H:mm, HH:mm:ss, 9am, 9:30pm.</summary>
    public static string? ReadTime(string token, out LocalTime time)
    {
        time = default;
        var t = token.ToLowerInvariant();
        var match = TwentyFourHour().Match(t);
        if (match.Success)
        {
            var (h, m, s) = (Number(match.Groups[1].Value), Number(match.Groups[2].Value), match.Groups[3].Success ? Number(match.Groups[3].Value) : 0);
            if (h > 23)
            {
                return $"\"{token}\" is not a time of day: hours go from 0 to 23.";
            }

            if (m > 59)
            {
                return $"\"{token}\" is not a time of day: minutes go from 00 to 59.";
            }

            if (s > 59)
            {
                return $"\"{token}\" is not a time of day: seconds go from 00 to 59.";
            }

            time = new LocalTime(h, m, s);
            return null;
        }

        match = TwelveHour().Match(t);
        if (match.Success)
        {
            var (h, m) = (Number(match.Groups[1].Value), match.Groups[2].Success ? Number(match.Groups[2].Value) : 0);
            if (h is < 1 or > 12)
            {
                return $"\"{token}\" is not a time of day: with am/pm, hours go from 1 to 12.";
            }

            if (m > 59)
            {
                return $"\"{token}\" is not a time of day: minutes go from 00 to 59.";
            }

            time = new LocalTime((h % 12) + (match.Groups[3].Value == "pm" ? 12 : 0), m);
            return null;
        }

        return $"\"{token}\" is not a time of day: write it as HH:MM, e.g. 09:00 or 18:30 (or 9am, 6:30pm).";
    }

    /// <summary>A YYYY-MM-DD date, optionally followed by T and a time; null when the token is no date.</summary>
    public static bool IsDateToken(string token) => DateShape().IsMatch(token);

    public static string? ReadDate(string token, out LocalDate date)
    {
        date = default;
        var match = DateShape().Match(token);
        var (year, month, day) = (Number(match.Groups[1].Value), Number(match.Groups[2].Value), Number(match.Groups[3].Value));
        var written = $"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}";
        if (year < 1000)
        {
            return $"{written} is not a date: the year needs four digits.";
        }

        if (month is < 1 or > 12)
        {
            return $"{written} is not a date: months go from 1 to 12.";
        }

        var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            var monthName = new LocalDate(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            return $"{written} is not a date: {monthName} has {days} days.";
        }

        date = new LocalDate(year, month, day);
        return null;
    }

    /// <summary>The time part after the date's T, when there is one.</summary>
    public static string? TimeAfterDate(string token) =>
        DateShape().Match(token) is { Groups: var g } && g[4].Success ? g[4].Value : null;

    /// <summary>Compact durations: 20m, 2h, 1d, 1w, 1h30m, 90min.</summary>
    public static bool LooksLikeDuration(string token) => DurationShape().IsMatch(token) && !IsOrdinalNumber(token);

    public static string? ReadDuration(string token, out Duration duration)
    {
        duration = Duration.Zero;
        var t = token.ToLowerInvariant();
        if (!DurationShape().IsMatch(t))
        {
            return $"\"{token}\" is not a duration: {DurationHelp}.";
        }

        foreach (Match part in DurationPart().Matches(t))
        {
            if (part.Groups[1].Value.Length > 6)
            {
                return $"\"{token}\" is too long: at most {MaxDuration.Days} days.";
            }

            var unit = Unit(part.Groups[2].Value);
            if (unit is null)
            {
                return $"\"{token}\" is not a duration: {DurationHelp}.";
            }

            // Checked at each part so that no sum can overflow.
            duration += unit.Value * Number(part.Groups[1].Value);
            if (duration > MaxDuration)
            {
                return $"\"{token}\" is too long: at most {MaxDuration.Days} days.";
            }
        }

        return null;
    }

    /// <summary>One unit of elapsed time for words like "m", "minutes", "hrs", "day"; null for others.</summary>
    public static Duration? Unit(string word) => word.ToLowerInvariant() switch
    {
        "s" or "sec" or "secs" or "second" or "seconds" => Duration.FromSeconds(1),
        "m" or "min" or "mins" or "minute" or "minutes" => Duration.FromMinutes(1),
        "h" or "hr" or "hrs" or "hour" or "hours" => Duration.FromHours(1),
        "d" or "day" or "days" => Duration.FromDays(1),
        "w" or "wk" or "wks" or "week" or "weeks" => Duration.FromDays(7),
        _ => null,
    };

    /// <summary>"day"/"days", "week"/"weeks", "month"/"months" as calendar units; null for others.</summary>
    public static string? CalendarUnit(string word) => word.ToLowerInvariant() switch
    {
        "day" or "days" => "day",
        "week" or "weeks" => "week",
        "month" or "months" => "month",
        _ => null,
    };

    public static IsoDayOfWeek? Weekday(string word) =>
        Weekdays.TryGetValue(word.ToLowerInvariant(), out var day) ? day : null;

    /// <summary>1st, 2nd, 3rd, 4th, 15th..., first..fifth, or last (-1); null for other words.</summary>
    public static int? Ordinal(string word)
    {
        var w = word.ToLowerInvariant();
        if (OrdinalWords.TryGetValue(w, out var n))
        {
            return n;
        }

        var match = OrdinalNumber().Match(w);
        return match.Success && match.Groups[1].Value.Length <= 3 ? Number(match.Groups[1].Value) : null;
    }

    /// <summary>A plain whole number of at most six digits; null otherwise (too many digits count as no number).</summary>
    public static int? WholeNumber(string token) =>
        token.Length is > 0 and <= 6 && token.All(char.IsAsciiDigit) ? Number(token) : null;

    public static bool IsNumber(string token) => token.Length > 0 && token.All(char.IsAsciiDigit);

    private static bool IsOrdinalNumber(string token) => OrdinalNumber().IsMatch(token.ToLowerInvariant());

    private static int Number(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")]
    private static partial Regex TwentyFourHour();

    [GeneratedRegex(@"^(\d{1,2})(?::(\d{2}))?(am|pm)$")]
    private static partial Regex TwelveHour();

    [GeneratedRegex(@"^\d+(:\d*)+$|^\d+(:\d*)*(am|pm)$|^\d+:", RegexOptions.IgnoreCase)]
    private static partial Regex TimeShape();

    [GeneratedRegex(@"^(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[Tt](.*))?$")]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^(\d+[a-z]+)+$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationShape();

    [GeneratedRegex(@"(\d+)([a-z]+)")]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^(\d+)(st|nd|rd|th)$")]
    private static partial Regex OrdinalNumber();
}
