using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Grammar;

/// <summary>
/// The repeating forms: every + duration, every [other | N | Nth] day/week/month, every weekday,
/// every Nth weekday, and the weekdays and month day that weekly and monthly schedules name. The
/// ranges (day of month, week of month, smallest interval) are the Domain's.
/// </summary>
public static partial class ScheduleParser
{
    /// <summary>The most days, weeks or months between two times: more is surely a typo.</summary>
    private const int MaxCalendarInterval = 999;

    private static readonly string DaysOfMonth = $"{DayOfMonth.MinDay} to {DayOfMonth.MaxDay}";

    private static readonly string WeeksOfMonth = $"{MonthDay.Ordinal(1)} to {MonthDay.Ordinal(NthWeekdayOfMonth.MaxWeek)}, or last";

    /// <summary>What follows "every".</summary>
    private static ParseResult<Recurrence> Every(Input input, Input start)
    {
        if (input.Next is not { } word)
        {
            return input.Error("Missing what comes after \"every\", e.g. every 30m, every 2 days 09:00 or every monday 10:00.");
        }

        var lower = word.ToLowerInvariant();
        var after = input.Skip();
        if (ScheduleWords.LooksLikeDuration(word))
        {
            return ScheduleWords.CompactDuration(input).Then((period, rest) => Interval(input, period, rest));
        }

        if (lower == "other")
        {
            if (Units.CalendarUnitOf(after.Next ?? string.Empty) is not { } otherUnit)
            {
                return after.Error("After \"every other\" say day, week or month, e.g. every other week mon 10:00.");
            }

            return Calendar(after.Skip(), start, otherUnit, 2);
        }

        if (ScheduleWords.Ordinal(lower) is { } nth)
        {
            return EveryNth(input, start, nth);
        }

        if (ScheduleWords.IsNumber(lower))
        {
            return EveryNumber(input, start);
        }

        if (Units.CalendarUnitOf(lower) is { } unit)
        {
            return Calendar(after, start, unit, 1);
        }

        if (Units.TimeUnitOf(lower) is { } one)
        {
            return Interval(input, one.Length(), after);
        }

        if (StartsLikeDays(lower) || (input.Peek(1) is { } next && ScheduleWords.LooksLikeTime(next)))
        {
            return Calendar(input, start, CalendarUnit.Week, 1);
        }

        return input.Error($"I don't understand \"every {word}\": try every 30m, every 2 days 09:00, every monday 10:00 or every 2nd tuesday 10:00.");
    }

    /// <summary>every 2nd tuesday, every last friday, every last day, every 2nd week ...: <paramref name="ordinal"/> is at the ordinal word.</summary>
    private static ParseResult<Recurrence> EveryNth(Input ordinal, Input start, int nth)
    {
        var written = ordinal.Next!;
        var input = ordinal.Skip();
        var next = input.Next ?? string.Empty;
        if (ScheduleWords.Weekday(next) is { } weekday)
        {
            if (!NthWeekdayOfMonth.IsWeek(nth))
            {
                return ordinal.Error($"\"{written} {next}\" does not come every month: use {WeeksOfMonth}.");
            }

            return TimeArgument(input.Skip(), start).Select(time => (Recurrence)new MonthlyRecurrence(1, MonthDay.Nth(nth, weekday), time));
        }

        if (Units.CalendarUnitOf(next) is { } unit)
        {
            if (nth == NthWeekdayOfMonth.LastWeek)
            {
                return unit == CalendarUnit.Day
                    ? TimeArgument(input.Skip(), start).Select(time => (Recurrence)new MonthlyRecurrence(1, MonthDay.Last, time))
                    : input.Error($"\"every last {next}\" is not a schedule: try every last day 18:00 or every last friday 17:00.");
            }

            return Calendar(input.Skip(), start, unit, nth);
        }

        return input.Error($"After \"every {written}\" say a weekday, e.g. every {written} tuesday 10:00.");
    }

    /// <summary>every 2 days 09:00, every 90 minutes ...: <paramref name="number"/> is at the number.</summary>
    private static ParseResult<Recurrence> EveryNumber(Input number, Input start)
    {
        var written = number.Next!;
        var input = number.Skip();
        var next = input.Next ?? string.Empty;
        if (ScheduleWords.WholeNumber(written) is not { } n)
        {
            return number.Error(
                $"\"every {written}\" is far too many: at most {MaxCalendarInterval} days, weeks or months, or {ScheduleWords.MaxDuration.Days} days of minutes.");
        }

        if (Units.CalendarUnitOf(next) is { } unit)
        {
            return Calendar(input.Skip(), start, unit, n);
        }

        if (Units.TimeUnitOf(next) is { } each)
        {
            // Whole minutes of each unit: "every 90 s" is no interval at all, not 1.5 minutes.
            var period = Duration.FromMinutes((long)each.Length().TotalMinutes * n);
            return period > ScheduleWords.MaxDuration
                ? number.Error($"\"every {written} {next}\" is too long: at most {ScheduleWords.MaxDuration.Days} days.")
                : Interval(number, period, input.Skip());
        }

        return input.Error($"After \"every {written}\" say minutes, hours, days, weeks or months, e.g. every {written} days 09:00 or every {written}h.");
    }

    /// <summary>Every <paramref name="interval"/> days (at a time), weeks (on days at a time) or months (on a day at a time).</summary>
    private static ParseResult<Recurrence> Calendar(Input input, Input start, CalendarUnit unit, int interval)
    {
        var context = input.Since(start);
        if (interval < CalendarRecurrence.MinInterval)
        {
            return start.Error($"\"{context}\" does not repeat: the interval must be at least {CalendarRecurrence.MinInterval}.");
        }

        if (interval > MaxCalendarInterval)
        {
            return start.Error($"\"{context}\" is too far apart: at most every {MaxCalendarInterval} {unit.Name()}s.");
        }

        return unit switch
        {
            CalendarUnit.Day => TimeArgument(input, start).Select(time => (Recurrence)new DailyRecurrence(interval, time)),
            CalendarUnit.Week => Days(input, start).Then((days, rest) =>
                TimeArgument(rest, start).Select(time => (Recurrence)new WeeklyRecurrence(interval, days, time))),
            _ => DayOfTheMonth(input, start).Then((day, rest) =>
                TimeArgument(rest, start).Select(time => (Recurrence)new MonthlyRecurrence(interval, day, time))),
        };
    }

    /// <summary>mon,wed,fri | mon, wed, fri | mon-fri | weekdays | weekends.</summary>
    private static ParseResult<IReadOnlyList<IsoDayOfWeek>> Days(Input input, Input start)
    {
        var context = input.Since(start);
        var missing = $"Missing the weekdays after \"{context}\", e.g. {context} mon,wed 08:00.";
        if (input.Next is not { } first || ScheduleWords.LooksLikeTime(first))
        {
            return input.Error(missing);
        }

        // "mon,wed,fri" is one word; "mon, wed, fri" is three that end in commas.
        var (text, rest) = (first, input.Skip());
        while (text.EndsWith(',') && rest.Next is { } more && !ScheduleWords.LooksLikeTime(more))
        {
            (text, rest) = (text + more, rest.Skip());
        }

        var days = new List<IsoDayOfWeek>();
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
                return input.Error($"\"{part}\" is not a weekday range: write it like mon-fri.");
            }

            var from = ScheduleWords.Weekday(range[0]);
            var to = range.Length == 2 ? ScheduleWords.Weekday(range[1]) : from;
            if (from is null || to is null)
            {
                var wrong = from is null ? range[0] : range[1];
                return input.Error($"\"{wrong}\" is not a weekday: {ScheduleWords.WeekdayHelp}.");
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

        return days.Count == 0 ? input.Error(missing) : rest.Success<IReadOnlyList<IsoDayOfWeek>>(days);
    }

    /// <summary>1..31 | 1st..31st | last | nth weekday | last weekday.</summary>
    private static ParseResult<MonthDay> DayOfTheMonth(Input input, Input start)
    {
        var context = input.Since(start);
        if (input.Next is not { } word || ScheduleWords.LooksLikeTime(word))
        {
            return input.Error($"Missing the day of the month after \"{context}\", e.g. {context} 1 10:00, {context} last 18:00 or {context} 2nd tue 10:00.");
        }

        var lower = word.ToLowerInvariant();
        var rest = input.Skip();
        var notADay = $"Day {word} is not a day of the month: use {DaysOfMonth}, or last.";
        if (ScheduleWords.IsNumber(lower))
        {
            return ScheduleWords.WholeNumber(lower) is { } number && DayOfMonth.IsDay(number)
                ? rest.Success(MonthDay.OnDay(number))
                : input.Error(notADay);
        }

        if (ScheduleWords.Ordinal(lower) is { } nth)
        {
            if (rest.Next is { } next && ScheduleWords.Weekday(next) is { } weekday)
            {
                return NthWeekdayOfMonth.IsWeek(nth)
                    ? rest.Skip().Success(MonthDay.Nth(nth, weekday))
                    : input.Error($"\"{word} {next}\" does not come every month: use {WeeksOfMonth}.");
            }

            if (nth == NthWeekdayOfMonth.LastWeek)
            {
                return rest.Success(MonthDay.Last);
            }

            return DayOfMonth.IsDay(nth) ? rest.Success(MonthDay.OnDay(nth)) : input.Error(notADay);
        }

        if (ScheduleWords.Weekday(lower) is not null)
        {
            return input.Error($"Say which {word} of the month, e.g. {context} 2nd {word} 10:00 or {context} last {word} 10:00.");
        }

        return input.Error($"\"{word}\" is not a day of the month: use {DaysOfMonth}, last, or a weekday like 2nd tue.");
    }

    /// <summary>An elapsed-time interval of whole minutes; <paramref name="at"/> is where it was written.</summary>
    private static ParseResult<Recurrence> Interval(Input at, Duration period, Input rest)
    {
        var minutes = (long)period.TotalMinutes;
        if (minutes < IntervalRecurrence.MinMinutes)
        {
            return at.Error($"The interval must be at least {IntervalRecurrence.MinMinutes} minute, e.g. every 30m.");
        }

        if (period != Duration.FromMinutes(minutes))
        {
            return at.Error("A repeating interval is whole minutes, e.g. every 30m or every 1h30m.");
        }

        return rest.Success<Recurrence>(new IntervalRecurrence((int)minutes));
    }

    private static bool StartsLikeDays(string word) =>
        word.Split(',', '-')[0] is var head &&
        (ScheduleWords.Weekday(head) is not null || head is "weekday" or "weekdays" or "weekend" or "weekends");
}
