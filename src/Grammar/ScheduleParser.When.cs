using NodaTime;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Grammar;

/// <summary>
/// The when-part: a date and time, today/tomorrow, a bare time, in + duration, and the words that
/// start a repeating schedule (daily, weekly, monthly, every ...). A production here takes the
/// input where it starts reading and <c>start</c>, where the when-part began, so a message can
/// quote what came before ("Missing the time of day after "every 2 days"").
/// </summary>
public static partial class ScheduleParser
{
    internal static ParseResult<Timing> When(Input input, ZonedDateTime now)
    {
        if (input.Next is not { } first)
        {
            return input.Error("Missing the schedule: say when, then the text, e.g. daily 09:00 Good morning!");
        }

        if (ScheduleWords.IsDateWord(first))
        {
            return DateAndTime(input);
        }

        var word = first.ToLowerInvariant();
        var after = input.Skip();
        switch (word)
        {
            case "today" or "tomorrow":
                var day = now.Date.PlusDays(word == "today" ? 0 : 1);
                return TimeArgument(after, input).Select(time => Timing.Once(day + time));
            case "in":
                return In(after, input, now);
            case "daily":
                return TimeArgument(after, input).Select(time => Timing.Repeating(new DailyRecurrence(1, time)));
            case "hourly":
                return after.Success(Timing.Repeating(new IntervalRecurrence(60)));
            case "weekdays" or "weekends":
                var days = word == "weekdays" ? WeeklyRecurrence.Weekdays : WeeklyRecurrence.Weekend;
                return TimeArgument(after, input).Select(time => Timing.Repeating(new WeeklyRecurrence(1, days, time)));
            case "weekly":
                return Calendar(after, input, CalendarUnit.Week, 1).Select(Timing.Repeating);
            case "monthly":
                return Calendar(after, input, CalendarUnit.Month, 1).Select(Timing.Repeating);
            case "every":
                return Every(after, input).Select(Timing.Repeating);
        }

        if (ScheduleWords.LooksLikeTime(first))
        {
            // A bare time is its next occurrence: today if still ahead, else tomorrow.
            return ScheduleWords.Time(input).Select(time =>
            {
                var today = now.Date + time;
                return Timing.Once(today > now.LocalDateTime ? today : today.PlusDays(1));
            });
        }

        if (ScheduleWords.Weekday(first) is not null)
        {
            return input.Error($"\"{first}\" alone is not a schedule: write every {word} 09:00 for every week, or a date like 2026-12-31 09:00 for once.");
        }

        return input.Error($"I don't understand \"{first}\" as a time: start with a date (2026-12-31 18:00), today, tomorrow, a time (18:00), " +
            "in, daily, weekdays, weekends, weekly, monthly or every.");
    }

    /// <summary>2026-12-31T18:00, or 2026-12-31 [at] 18:00.</summary>
    private static ParseResult<Timing> DateAndTime(Input input)
    {
        var word = input.Next!;
        var date = ScheduleWords.Date(input);
        if (date.Error is { } dateError)
        {
            return dateError;
        }

        if (ScheduleWords.TimeAfterDate(word) is not { } attached)
        {
            return TimeArgument(date.Rest, input).Select(time => Timing.Once(date.Value + time));
        }

        var timeInput = Input.Of(attached.Text, input.Position + attached.Index);
        if (timeInput.AtEnd)
        {
            return timeInput.Error($"Missing the time after \"{word}\", e.g. {word}18:00.");
        }

        var time = ScheduleWords.Time(timeInput);
        return time.Error is { } timeError ? timeError : date.Rest.Success(Timing.Once(date.Value + time.Value));
    }

    /// <summary>in + duration: that much elapsed time from now, whatever the clock does meanwhile.</summary>
    private static ParseResult<Timing> In(Input input, Input start, ZonedDateTime now)
    {
        var delay = DurationArgument(input, start);
        if (delay.IsSuccess && delay.Value < Duration.FromSeconds(1))
        {
            return input.Error("The delay must be at least 1 second, e.g. in 30s or in 20m.");
        }

        return delay.Select(d => Timing.Once((now.ToInstant() + d).InZone(now.Zone).LocalDateTime));
    }

    /// <summary>An optional "at", then a time of day.</summary>
    private static ParseResult<LocalTime> TimeArgument(Input input, Input start)
    {
        var context = input.Since(start);
        var at = string.Equals(input.Next, "at", StringComparison.OrdinalIgnoreCase) ? input.Skip() : input;
        if (at.Next is not { } word || !ScheduleWords.LooksLikeTime(word))
        {
            return at.Error($"Missing the time of day after \"{context}\", e.g. {context} 09:00.");
        }

        return ScheduleWords.Time(at);
    }

    /// <summary>A compact duration (20m, 1h30m), or a number and a unit word (45 minutes).</summary>
    private static ParseResult<Duration> DurationArgument(Input input, Input start)
    {
        var context = input.Since(start);
        if (input.Next is not { } word)
        {
            return input.Error($"Missing how long after \"{context}\", e.g. {context} 20m or {context} 1h30m.");
        }

        if (ScheduleWords.IsNumber(word) && input.Peek(1) is { } unitWord && Units.TimeUnitOf(unitWord) is { } unit)
        {
            if (ScheduleWords.WholeNumber(word) is not { } n || unit.Length() * n > ScheduleWords.MaxDuration)
            {
                return input.Error($"\"{word} {unitWord}\" is too long: at most {ScheduleWords.MaxDuration.Days} days.");
            }

            return input.Skip(2).Success(unit.Length() * n);
        }

        return ScheduleWords.CompactDuration(input);
    }
}
