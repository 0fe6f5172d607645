using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Grammar;

/// <summary>
/// The words of the schedule grammar: times, dates, durations, weekdays, ordinals. The Looks/Is
/// methods tell whether a word is of a kind; the productions (<see cref="Time"/>, <see cref="Date"/>,
/// <see cref="CompactDuration"/>) read the next word and say what is wrong when it is of its kind but
/// wrong (25:00). Units are in <see cref="Units"/>.
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
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["last"] = NthWeekdayOfMonth.LastWeek,
    };

    public const string WeekdayHelp = "use mon, tue, wed, thu, fri, sat, sun or the full names";

    public const string DurationHelp = "use seconds (s), minutes (m), hours (h), days (d) or weeks (w), e.g. 20m, 2h or 1h30m";

    public static bool LooksLikeTime(string word) => TimeShape().IsMatch(word);

    /// <summary>The next word as a time of day: HH:mm, H:mm, HH:mm:ss, 9am, 9:30pm.</summary>
    public static ParseResult<LocalTime> Time(Input input)
    {
        var word = input.Next ?? string.Empty;
        var t = word.ToLowerInvariant();
        var match = TwentyFourHour().Match(t);
        if (match.Success)
        {
            var (h, m, s) = (Number(match.Groups[1].Value), Number(match.Groups[2].Value), match.Groups[3].Success ? Number(match.Groups[3].Value) : 0);
            if (h > 23)
            {
                return input.Error($"\"{word}\" is not a time of day: hours go from 0 to 23.");
            }

            if (m > 59)
            {
                return input.Error($"\"{word}\" is not a time of day: minutes go from 00 to 59.");
            }

            if (s > 59)
            {
                return input.Error($"\"{word}\" is not a time of day: seconds go from 00 to 59.");
            }

            return input.Skip().Success(new LocalTime(h, m, s));
        }

        match = TwelveHour().Match(t);
        if (match.Success)
        {
            var (h, m) = (Number(match.Groups[1].Value), match.Groups[2].Success ? Number(match.Groups[2].Value) : 0);
            if (h is < 1 or > 12)
            {
                return input.Error($"\"{word}\" is not a time of day: with am/pm, hours go from 1 to 12.");
            }

            if (m > 59)
            {
                return input.Error($"\"{word}\" is not a time of day: minutes go from 00 to 59.");
            }

            return input.Skip().Success(new LocalTime((h % 12) + (match.Groups[3].Value == "pm" ? 12 : 0), m));
        }

        return input.Error($"\"{word}\" is not a time of day: write it as HH:MM, e.g. 09:00 or 18:30 (or 9am, 6:30pm).");
    }

    /// <summary>A YYYY-MM-DD date, optionally followed by T and a time.</summary>
    public static bool IsDateWord(string word) => DateShape().IsMatch(word);

    /// <summary>The next word, a <see cref="IsDateWord">date word</see>, as a date (a time after T is left to the caller).</summary>
    public static ParseResult<LocalDate> Date(Input input)
    {
        var match = DateShape().Match(input.Next ?? string.Empty);
        var (year, month, day) = (Number(match.Groups[1].Value), Number(match.Groups[2].Value), Number(match.Groups[3].Value));
        var written = $"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}";
        if (year < 1000)
        {
            return input.Error($"{written} is not a date: the year needs four digits.");
        }

        if (month is < 1 or > 12)
        {
            return input.Error($"{written} is not a date: months go from 1 to 12.");
        }

        var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            var monthName = new LocalDate(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            return input.Error($"{written} is not a date: {monthName} has {days} days.");
        }

        return input.Skip().Success(new LocalDate(year, month, day));
    }

    /// <summary>The time part after a date word's T and where it starts in the word; null when there is no T.</summary>
    public static (string Text, int Index)? TimeAfterDate(string word) =>
        DateShape().Match(word) is { Groups: var g } && g[4].Success ? (g[4].Value, g[4].Index) : null;

    /// <summary>Compact durations: 20m, 2h, 1d, 1w, 1h30m, 90min.</summary>
    public static bool LooksLikeDuration(string word) => DurationShape().IsMatch(word) && !IsOrdinalNumber(word);

    /// <summary>The next word as a compact duration, at most <see cref="MaxDuration"/>.</summary>
    public static ParseResult<Duration> CompactDuration(Input input)
    {
        var word = input.Next ?? string.Empty;
        var t = word.ToLowerInvariant();
        if (!DurationShape().IsMatch(t))
        {
            return input.Error($"\"{word}\" is not a duration: {DurationHelp}.");
        }

        var duration = Duration.Zero;
        foreach (Match part in DurationPart().Matches(t))
        {
            if (part.Groups[1].Value.Length > 6)
            {
                return input.Error($"\"{word}\" is too long: at most {MaxDuration.Days} days.");
            }

            if (Units.TimeUnitOf(part.Groups[2].Value) is not { } unit)
            {
                return input.Error($"\"{word}\" is not a duration: {DurationHelp}.");
            }

            // Checked at each part so that no sum can overflow.
            duration += unit.Length() * Number(part.Groups[1].Value);
            if (duration > MaxDuration)
            {
                return input.Error($"\"{word}\" is too long: at most {MaxDuration.Days} days.");
            }
        }

        return input.Skip().Success(duration);
    }

    public static IsoDayOfWeek? Weekday(string word) =>
        Weekdays.TryGetValue(word.ToLowerInvariant(), out var day) ? day : null;

    /// <summary>1st, 2nd, 3rd, 4th, 15th..., first..fifth, or last (<see cref="NthWeekdayOfMonth.LastWeek"/>); null for other words.</summary>
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
    public static int? WholeNumber(string word) =>
        word.Length is > 0 and <= 6 && word.All(char.IsAsciiDigit) ? Number(word) : null;

    public static bool IsNumber(string word) => word.Length > 0 && word.All(char.IsAsciiDigit);

    private static bool IsOrdinalNumber(string word) => OrdinalNumber().IsMatch(word.ToLowerInvariant());

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
