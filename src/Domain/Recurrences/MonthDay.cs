using NodaTime;

namespace ScheduledMessages.Domain.Recurrences;

/// <summary>Which day of a month: a day number, the last day, or the nth weekday.</summary>
public abstract record MonthDay
{
    public abstract LocalDate In(YearMonth month);

    public abstract string Describe();

    /// <summary>Day 1..31; a day past the month's end falls on its last day (31 -> 30 April).</summary>
    public static MonthDay OnDay(int day) => new DayOfMonth(day);

    public static MonthDay Last => LastDayOfMonth.Instance;

    /// <summary>The 1st..4th (<paramref name="week"/> 1..4) or the last (-1) weekday of the month.</summary>
    public static MonthDay Nth(int week, IsoDayOfWeek weekday) => new NthWeekdayOfMonth(week, weekday);

    public static string Ordinal(int n) => n switch
    {
        1 or 21 or 31 => $"{n}st",
        2 or 22 => $"{n}nd",
        3 or 23 => $"{n}rd",
        _ => $"{n}th",
    };
}

/// <summary>A day number, clamped to the month's length.</summary>
public sealed record DayOfMonth : MonthDay
{
    public const int MinDay = 1;

    public const int MaxDay = 31;

    public DayOfMonth(int day)
    {
        if (!IsDay(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "A day of the month is 1..31.");
        }

        Day = day;
    }

    public int Day { get; }

    /// <summary>Whether <paramref name="day"/> may name a day of the month (1..31).</summary>
    public static bool IsDay(int day) => day is >= MinDay and <= MaxDay;

    public override LocalDate In(YearMonth month) =>
        new(month.Year, month.Month, Math.Min(Day, month.Calendar.GetDaysInMonth(month.Year, month.Month)));

    public override string Describe() => $"on the {Ordinal(Day)}";
}

/// <summary>The month's last day.</summary>
public sealed record LastDayOfMonth : MonthDay
{
    public static readonly LastDayOfMonth Instance = new();

    private LastDayOfMonth()
    {
    }

    public override LocalDate In(YearMonth month) => month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);

    public override string Describe() => "on the last day";
}

/// <summary>The nth (1..4) or last (-1) given weekday of the month, e.g. the 2nd Tuesday.</summary>
public sealed record NthWeekdayOfMonth : MonthDay
{
    /// <summary>The week that means the month's last such weekday.</summary>
    public const int LastWeek = -1;

    /// <summary>The highest numbered week: every month has a 4th of each weekday, not always a 5th.</summary>
    public const int MaxWeek = 4;

    public NthWeekdayOfMonth(int week, IsoDayOfWeek weekday)
    {
        if (!IsWeek(week))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, "The week is 1..4, or -1 for the last.");
        }

        if (weekday == IsoDayOfWeek.None)
        {
            throw new ArgumentOutOfRangeException(nameof(weekday), weekday, "A weekday is needed.");
        }

        Week = week;
        Weekday = weekday;
    }

    public int Week { get; }

    public IsoDayOfWeek Weekday { get; }

    /// <summary>Whether <paramref name="week"/> may name a week of the month: 1..4, or <see cref="LastWeek"/>.</summary>
    public static bool IsWeek(int week) => week is LastWeek or (>= 1 and <= MaxWeek);

    public override LocalDate In(YearMonth month)
    {
        if (Week == -1)
        {
            var last = LastDayOfMonth.Instance.In(month);
            return last.PlusDays(-(((int)last.DayOfWeek - (int)Weekday + 7) % 7));
        }

        var first = month.OnDayOfMonth(1);
        return first.PlusDays((((int)Weekday - (int)first.DayOfWeek + 7) % 7) + ((Week - 1) * 7));
    }

    public override string Describe() => $"on the {(Week == -1 ? "last" : Ordinal(Week))} {Weekday}";
}
