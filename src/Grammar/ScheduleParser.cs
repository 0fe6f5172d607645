using System.Text.RegularExpressions;
using NodaTime;
using ScheduledMessages.Domain.Common;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Grammar;

/// <summary>
/// Reads the arguments of <c>/schedule</c> by <see cref="ScheduleGrammar"/>. Pure: it reads no
/// clock (relative forms use the given <c>now</c>) and never throws; whether a time is in the past
/// is the use case's question, not the parser's.
/// </summary>
public static partial class ScheduleParser
{
    private const int MaxCalendarInterval = 999;

    /// <summary>
    /// A spec, or an error whose message says exactly what is wrong (code
    /// <see cref="ScheduleGrammar.ErrorCode"/>); show it with <see cref="ScheduleGrammar.Usage"/>.
    /// </summary>
    public static Result<ScheduleSpec> Parse(string? arguments, ZonedDateTime now)
    {
        var tokens = new ScheduleTokens(arguments ?? string.Empty);
        if (tokens.AtEnd)
        {
            return Fail("Missing the schedule: say when, then the text, e.g. daily 09:00 Good morning!");
        }

        var options = new ParsedOptions();
        if (ReadOptions(tokens, options, afterWhen: false) is { } optionError)
        {
            return Fail(optionError);
        }

        if (tokens.AtEnd)
        {
            return Fail("Missing the schedule after the options: say when, then the text, e.g. !1 daily 09:00 Stand-up.");
        }

        var whenStart = tokens.Mark;
        if (ReadWhen(tokens, now, out var recurrence, out var at) is { } whenError)
        {
            return Fail(whenError);
        }

        var when = tokens.TakenSince(whenStart);
        if (ReadOptions(tokens, options, afterWhen: true) is { } lateOptionError)
        {
            return Fail(lateOptionError);
        }

        var content = tokens.Rest();
        if (content.Length == 0)
        {
            return Fail($"Missing the message text after \"{when}\".");
        }

        if (options.From is { } from)
        {
            if (!recurrence.IsRecurring)
            {
                return Fail("from= is for repeating schedules; a one-time message has its own date, e.g. 2030-06-01 09:00.");
            }

            if (from < now.Date)
            {
                return Fail($"from={IsoDate(from)} is already past; today is {IsoDate(now.Date)}.");
            }

            // From today is what a schedule does anyway; a later day starts its first match there.
            at = from == now.Date ? null : from.AtMidnight();
        }

        return new ScheduleSpec(recurrence, at, content, options.Priority, options.Window);
    }

    private static string IsoDate(LocalDate date) => date.ToString("yyyy'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Result<ScheduleSpec> Fail(string problem) => new DomainError(ScheduleGrammar.ErrorCode, problem);

    private static string? ReadOptions(ScheduleTokens tokens, ParsedOptions options, bool afterWhen)
    {
        while (tokens.Peek() is { } token)
        {
            if (afterWhen && token == "--")
            {
                tokens.Take();
                return null;
            }

            if (!OptionShape().IsMatch(token))
            {
                return null;
            }

            tokens.Take();
            if (ApplyOption(token, options) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string? ApplyOption(string token, ParsedOptions options)
    {
        string name, value;
        if (token.StartsWith('!'))
        {
            (name, value) = ("priority", token[1..]);
        }
        else
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            (name, value) = (token[..equals].ToLowerInvariant(), token[(equals + 1)..]);
        }

        switch (name)
        {
            case "priority" or "p":
                if (options.Priority is not null)
                {
                    return "The priority is given twice: give it once, !1 (highest) to !5 (lowest).";
                }

                var priority = ScheduleWords.WholeNumber(value);
                if (priority is not (>= 1 and <= 5))
                {
                    return $"\"{token}\" is not a priority: use !1 (highest) to !5 (lowest), or priority=1..5.";
                }

                options.Priority = priority;
                return null;
            case "window" or "w":
                if (options.Window is not null)
                {
                    return "The delivery window is given twice: give it once, e.g. window=10m.";
                }

                if (value.Length == 0)
                {
                    return "\"window=\" needs a duration, e.g. window=10m or window=2h.";
                }

                if (ScheduleWords.ReadDuration(value, out var window) is { } error)
                {
                    return $"window: {error}";
                }

                if (window < Duration.FromMinutes(1))
                {
                    return "The delivery window must be at least 1 minute, e.g. window=10m.";
                }

                options.Window = window;
                return null;
            case "from" or "starting":
                if (options.From is not null)
                {
                    return "The start date is given twice: give it once, e.g. from=2030-06-01.";
                }

                if (!ScheduleWords.IsDateToken(value) || ScheduleWords.TimeAfterDate(value) is not null)
                {
                    return $"\"{token}\" is not a start date: write from=YYYY-MM-DD, e.g. from=2030-06-01.";
                }

                if (ScheduleWords.ReadDate(value, out var start) is { } dateError)
                {
                    return $"from: {dateError}";
                }

                options.From = start;
                return null;
            default:
                return $"Unknown option \"{token}\": the options are !1..!5 (or priority=1..5), window=<duration> and from=<date>. " +
                    "If this is the start of your text, put -- before it.";
        }
    }

    private static string? ReadWhen(ScheduleTokens tokens, ZonedDateTime now, out Recurrence recurrence, out LocalDateTime? at)
    {
        recurrence = Recurrence.OneTime;
        at = null;
        var mark = tokens.Mark;
        var first = tokens.Take()!;
        var word = first.ToLowerInvariant();
        string? error;
        LocalTime time;

        if (ScheduleWords.IsDateToken(first))
        {
            return ReadDateTime(first, tokens, out at);
        }

        switch (word)
        {
            case "today" or "tomorrow":
                error = ReadTimeArgument(tokens, mark, out time);
                at = error is null ? now.Date.PlusDays(word == "today" ? 0 : 1) + time : null;
                return error;
            case "in":
                error = ReadDurationArgument(tokens, mark, out var delay);
                if (error is null && delay < Duration.FromSeconds(1))
                {
                    return "The delay must be at least 1 second, e.g. in 30s or in 20m.";
                }

                at = error is null ? (now.ToInstant() + delay).InZone(now.Zone).LocalDateTime : null;
                return error;
            case "daily":
                error = ReadTimeArgument(tokens, mark, out time);
                recurrence = error is null ? new DailyRecurrence(1, time) : recurrence;
                return error;
            case "hourly":
                recurrence = new IntervalRecurrence(60);
                return null;
            case "weekdays" or "weekends":
                error = ReadTimeArgument(tokens, mark, out time);
                recurrence = error is null
                    ? new WeeklyRecurrence(1, word == "weekdays" ? WeeklyRecurrence.Weekdays : WeeklyRecurrence.Weekend, time)
                    : recurrence;
                return error;
            case "weekly":
                return ReadCalendar(tokens, mark, "week", 1, out recurrence);
            case "monthly":
                return ReadCalendar(tokens, mark, "month", 1, out recurrence);
            case "every":
                return ReadEvery(tokens, mark, out recurrence);
        }

        if (ScheduleWords.LooksLikeTime(first))
        {
            // A bare time is its next occurrence: today if still ahead, else tomorrow.
            error = ScheduleWords.ReadTime(first, out time);
            if (error is null)
            {
                var today = now.Date + time;
                at = today > now.LocalDateTime ? today : today.PlusDays(1);
            }

            return error;
        }

        if (ScheduleWords.Weekday(first) is not null)
        {
            return $"\"{first}\" alone is not a schedule: write every {word} 09:00 for every week, or a date like 2026-12-31 09:00 for once.";
        }

        return $"I don't understand \"{first}\" as a time: start with a date (2026-12-31 18:00), today, tomorrow, a time (18:00), " +
            "in, daily, weekdays, weekends, weekly, monthly or every.";
    }

    private static string? ReadDateTime(string first, ScheduleTokens tokens, out LocalDateTime? at)
    {
        at = null;
        if (ScheduleWords.ReadDate(first, out var date) is { } dateError)
        {
            return dateError;
        }

        LocalTime time;
        if (ScheduleWords.TimeAfterDate(first) is { } attached)
        {
            if (attached.Length == 0)
            {
                return $"Missing the time after \"{first}\", e.g. {first}18:00.";
            }

            if (ScheduleWords.ReadTime(attached, out time) is { } timeError)
            {
                return timeError;
            }
        }
        else if (ReadTimeArgument(tokens, tokens.Mark - 1, out time) is { } timeError)
        {
            return timeError;
        }

        at = date + time;
        return null;
    }

    private static string? ReadEvery(ScheduleTokens tokens, int mark, out Recurrence recurrence)
    {
        recurrence = Recurrence.OneTime;
        if (tokens.Peek() is not { } token)
        {
            return "Missing what comes after \"every\", e.g. every 30m, every 2 days 09:00 or every monday 10:00.";
        }

        var word = token.ToLowerInvariant();
        if (ScheduleWords.LooksLikeDuration(token))
        {
            tokens.Take();
            return ScheduleWords.ReadDuration(token, out var period) ?? Interval(period, out recurrence);
        }

        if (word == "other")
        {
            tokens.Take();
            if (ScheduleWords.CalendarUnit(tokens.Peek() ?? string.Empty) is not { } otherUnit)
            {
                return "After \"every other\" say day, week or month, e.g. every other week mon 10:00.";
            }

            tokens.Take();
            return ReadCalendar(tokens, mark, otherUnit, 2, out recurrence);
        }

        if (ScheduleWords.Ordinal(word) is { } nth)
        {
            tokens.Take();
            return ReadEveryNth(tokens, mark, token, nth, out recurrence);
        }

        if (ScheduleWords.IsNumber(word))
        {
            tokens.Take();
            return ReadEveryNumber(tokens, mark, token, out recurrence);
        }

        if (ScheduleWords.CalendarUnit(word) is { } unit)
        {
            tokens.Take();
            return ReadCalendar(tokens, mark, unit, 1, out recurrence);
        }

        if (ScheduleWords.Unit(word) is { } one)
        {
            tokens.Take();
            return Interval(one, out recurrence);
        }

        if (StartsLikeDays(word) || (tokens.Peek(1) is { } next && ScheduleWords.LooksLikeTime(next)))
        {
            return ReadCalendar(tokens, mark, "week", 1, out recurrence);
        }

        return $"I don't understand \"every {token}\": try every 30m, every 2 days 09:00, every monday 10:00 or every 2nd tuesday 10:00.";
    }

    private static string? ReadEveryNth(ScheduleTokens tokens, int mark, string ordinal, int nth, out Recurrence recurrence)
    {
        recurrence = Recurrence.OneTime;
        var next = tokens.Peek() ?? string.Empty;
        if (ScheduleWords.Weekday(next) is { } weekday)
        {
            tokens.Take();
            if (nth is not (-1 or (>= 1 and <= 4)))
            {
                return $"\"{ordinal} {next}\" does not come every month: use 1st to 4th, or last.";
            }

            return ReadTimeThen(tokens, mark, time => new MonthlyRecurrence(1, MonthDay.Nth(nth, weekday), time), out recurrence);
        }

        if (ScheduleWords.CalendarUnit(next) is { } unit)
        {
            tokens.Take();
            if (nth == -1)
            {
                return unit == "day"
                    ? ReadTimeThen(tokens, mark, time => new MonthlyRecurrence(1, MonthDay.Last, time), out recurrence)
                    : $"\"every last {next}\" is not a schedule: try every last day 18:00 or every last friday 17:00.";
            }

            return ReadCalendar(tokens, mark, unit, nth, out recurrence);
        }

        return $"After \"every {ordinal}\" say a weekday, e.g. every {ordinal} tuesday 10:00.";
    }

    private static string? ReadEveryNumber(ScheduleTokens tokens, int mark, string number, out Recurrence recurrence)
    {
        recurrence = Recurrence.OneTime;
        var next = tokens.Peek() ?? string.Empty;
        if (ScheduleWords.WholeNumber(number) is not { } n)
        {
            return $"\"every {number}\" is far too many: at most {MaxCalendarInterval} days, weeks or months, or {ScheduleWords.MaxDuration.Days} days of minutes.";
        }

        if (ScheduleWords.CalendarUnit(next) is { } unit)
        {
            tokens.Take();
            return ReadCalendar(tokens, mark, unit, n, out recurrence);
        }

        if (ScheduleWords.Unit(next) is { } each)
        {
            tokens.Take();
            var period = Duration.FromMinutes((long)each.TotalMinutes * n);
            return period > ScheduleWords.MaxDuration
                ? $"\"every {number} {next}\" is too long: at most {ScheduleWords.MaxDuration.Days} days."
                : Interval(period, out recurrence);
        }

        return $"After \"every {number}\" say minutes, hours, days, weeks or months, e.g. every {number} days 09:00 or every {number}h.";
    }

    /// <summary>Every <paramref name="interval"/> days (at a time), weeks (on days at a time) or months (on a day at a time).</summary>
    private static string? ReadCalendar(ScheduleTokens tokens, int mark, string unit, int interval, out Recurrence recurrence)
    {
        recurrence = Recurrence.OneTime;
        if (interval < 1)
        {
            return $"\"{tokens.TakenSince(mark)}\" does not repeat: the interval must be at least 1.";
        }

        if (interval > MaxCalendarInterval)
        {
            return $"\"{tokens.TakenSince(mark)}\" is too far apart: at most every {MaxCalendarInterval} {unit}s.";
        }

        switch (unit)
        {
            case "day":
                return ReadTimeThen(tokens, mark, time => new DailyRecurrence(interval, time), out recurrence);
            case "week":
                if (ReadDays(tokens, mark, out var days) is { } daysError)
                {
                    return daysError;
                }

                return ReadTimeThen(tokens, mark, time => new WeeklyRecurrence(interval, days, time), out recurrence);
            default:
                if (ReadMonthDay(tokens, mark, out var day) is { } dayError)
                {
                    return dayError;
                }

                return ReadTimeThen(tokens, mark, time => new MonthlyRecurrence(interval, day, time), out recurrence);
        }
    }

    private static string? ReadDays(ScheduleTokens tokens, int mark, out List<IsoDayOfWeek> days)
    {
        days = [];
        var context = tokens.TakenSince(mark);
        if (tokens.Peek() is not { } first || ScheduleWords.LooksLikeTime(first))
        {
            return $"Missing the weekdays after \"{context}\", e.g. {context} mon,wed 08:00.";
        }

        // "mon,wed,fri" is one word; "mon, wed, fri" is three that end in commas.
        var text = tokens.Take()!;
        while (text.EndsWith(',') && tokens.Peek() is { } more && !ScheduleWords.LooksLikeTime(more))
        {
            text += tokens.Take();
        }

        foreach (var part in text.ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case "weekday" or "weekdays":
                    days.AddRange(WeeklyRecurrence.Weekdays);
                    continue;
                case "weekend" or "weekends":
                    days.AddRange(WeeklyRecurrence.Weekend);
                    continue;
            }

            var range = part.Split('-');
            if (range.Length > 2)
            {
                return $"\"{part}\" is not a weekday range: write it like mon-fri.";
            }

            var from = ScheduleWords.Weekday(range[0]);
            var to = range.Length == 2 ? ScheduleWords.Weekday(range[1]) : from;
            if (from is null || to is null)
            {
                var wrong = from is null ? range[0] : range[1];
                return $"\"{wrong}\" is not a weekday: {ScheduleWords.WeekdayHelp}.";
            }

            for (var day = from.Value; ; day = day == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : day + 1)
            {
                days.Add(day);
                if (day == to)
                {
                    break;
                }
            }
        }

        return days.Count == 0 ? $"Missing the weekdays after \"{context}\", e.g. {context} mon,wed 08:00." : null;
    }

    private static string? ReadMonthDay(ScheduleTokens tokens, int mark, out MonthDay day)
    {
        day = MonthDay.Last;
        var context = tokens.TakenSince(mark);
        if (tokens.Peek() is not { } token || ScheduleWords.LooksLikeTime(token))
        {
            return $"Missing the day of the month after \"{context}\", e.g. {context} 1 10:00, {context} last 18:00 or {context} 2nd tue 10:00.";
        }

        var word = token.ToLowerInvariant();
        if (ScheduleWords.IsNumber(word))
        {
            tokens.Take();
            var number = ScheduleWords.WholeNumber(word);
            if (number is not (>= 1 and <= 31))
            {
                return $"Day {token} is not a day of the month: use 1 to 31, or last.";
            }

            day = MonthDay.OnDay(number.Value);
            return null;
        }

        if (ScheduleWords.Ordinal(word) is { } nth)
        {
            tokens.Take();
            if (tokens.Peek() is { } next && ScheduleWords.Weekday(next) is { } weekday)
            {
                tokens.Take();
                if (nth is not (-1 or (>= 1 and <= 4)))
                {
                    return $"\"{token} {next}\" does not come every month: use 1st to 4th, or last.";
                }

                day = MonthDay.Nth(nth, weekday);
                return null;
            }

            if (nth == -1)
            {
                day = MonthDay.Last;
                return null;
            }

            if (nth is < 1 or > 31)
            {
                return $"Day {token} is not a day of the month: use 1 to 31, or last.";
            }

            day = MonthDay.OnDay(nth);
            return null;
        }

        if (ScheduleWords.Weekday(word) is not null)
        {
            return $"Say which {token} of the month, e.g. {context} 2nd {token} 10:00 or {context} last {token} 10:00.";
        }

        return $"\"{token}\" is not a day of the month: use 1 to 31, last, or a weekday like 2nd tue.";
    }

    private static string? ReadTimeThen(ScheduleTokens tokens, int mark, Func<LocalTime, Recurrence> make, out Recurrence recurrence)
    {
        var error = ReadTimeArgument(tokens, mark, out var time);
        recurrence = error is null ? make(time) : Recurrence.OneTime;
        return error;
    }

    /// <summary>An optional "at", then a time of day.</summary>
    private static string? ReadTimeArgument(ScheduleTokens tokens, int mark, out LocalTime time)
    {
        time = default;
        var context = tokens.TakenSince(mark);
        if (string.Equals(tokens.Peek(), "at", StringComparison.OrdinalIgnoreCase))
        {
            tokens.Take();
        }

        if (tokens.Peek() is not { } token || !ScheduleWords.LooksLikeTime(token))
        {
            return $"Missing the time of day after \"{context}\", e.g. {context} 09:00.";
        }

        tokens.Take();
        return ScheduleWords.ReadTime(token, out time);
    }

    private static string? ReadDurationArgument(ScheduleTokens tokens, int mark, out Duration duration)
    {
        duration = Duration.Zero;
        var context = tokens.TakenSince(mark);
        if (tokens.Peek() is not { } token)
        {
            return $"Missing how long after \"{context}\", e.g. {context} 20m or {context} 1h30m.";
        }

        if (ScheduleWords.IsNumber(token) && tokens.Peek(1) is { } unitWord && ScheduleWords.Unit(unitWord) is { } unit)
        {
            tokens.Take();
            tokens.Take();
            if (ScheduleWords.WholeNumber(token) is not { } n || unit * n > ScheduleWords.MaxDuration)
            {
                return $"\"{token} {unitWord}\" is too long: at most {ScheduleWords.MaxDuration.Days} days.";
            }

            duration = unit * n;
            return null;
        }

        tokens.Take();
        return ScheduleWords.ReadDuration(token, out duration);
    }

    private static string? Interval(Duration period, out Recurrence recurrence)
    {
        recurrence = Recurrence.OneTime;
        var minutes = (long)period.TotalMinutes;
        if (minutes < 1)
        {
            return "The interval must be at least 1 minute, e.g. every 30m.";
        }

        if (period != Duration.FromMinutes(minutes))
        {
            return "A repeating interval is whole minutes, e.g. every 30m or every 1h30m.";
        }

        recurrence = new IntervalRecurrence((int)minutes);
        return null;
    }

    private static bool StartsLikeDays(string word) =>
        word.Split(',', '-')[0] is var head &&
        (ScheduleWords.Weekday(head) is not null || head is "weekday" or "weekdays" or "weekend" or "weekends");

    [GeneratedRegex(@"^(![0-9]+|[A-Za-z]+=.*)$")]
    private static partial Regex OptionShape();

    private sealed class ParsedOptions
    {
        public int? Priority { get; set; }

        public Duration? Window { get; set; }

        public LocalDate? From { get; set; }
    }
}
