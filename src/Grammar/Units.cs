using NodaTime;

namespace ScheduledMessages.Grammar;

/// <summary>A unit of elapsed time, as in "in 20m" or "every 2 hours".</summary>
public enum TimeUnit
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
}

/// <summary>A unit of the calendar, as in "every 2 weeks mon": a pattern of dates, not of elapsed time.</summary>
public enum CalendarUnit
{
    Day,
    Week,
    Month,
}

/// <summary>The words for each unit and what the units mean.</summary>
public static class Units
{
    /// <summary>The unit a word like "m", "minutes", "hrs" or "day" names; null for other words.</summary>
    public static TimeUnit? TimeUnitOf(string word) => word.ToLowerInvariant() switch
    {
        "s" or "sec" or "secs" or "second" or "seconds" => TimeUnit.Second,
        "m" or "min" or "mins" or "minute" or "minutes" => TimeUnit.Minute,
        "h" or "hr" or "hrs" or "hour" or "hours" => TimeUnit.Hour,
        "d" or "day" or "days" => TimeUnit.Day,
        "w" or "wk" or "wks" or "week" or "weeks" => TimeUnit.Week,
        _ => null,
    };

    /// <summary>The calendar unit "day"/"days", "week"/"weeks" or "month"/"months" names; null for other words.</summary>
    public static CalendarUnit? CalendarUnitOf(string word) => word.ToLowerInvariant() switch
    {
        "day" or "days" => CalendarUnit.Day,
        "week" or "weeks" => CalendarUnit.Week,
        "month" or "months" => CalendarUnit.Month,
        _ => null,
    };

    public static Duration Length(this TimeUnit unit) => unit switch
    {
        TimeUnit.Second => Duration.FromSeconds(1),
        TimeUnit.Minute => Duration.FromMinutes(1),
        TimeUnit.Hour => Duration.FromHours(1),
        TimeUnit.Day => Duration.FromDays(1),
        TimeUnit.Week => Duration.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>The unit's name in messages: "day", "week", "month".</summary>
    public static string Name(this CalendarUnit unit) => unit switch
    {
        CalendarUnit.Day => "day",
        CalendarUnit.Week => "week",
        CalendarUnit.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
