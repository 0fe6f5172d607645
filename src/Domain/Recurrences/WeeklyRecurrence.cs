using System.Collections.Immutable;
using NodaTime;

namespace ScheduledMessages.Domain.Recurrences;

/// <summary>Every <see cref="CalendarRecurrence.Interval"/> weeks (Monday to Sunday) on chosen weekdays.</summary>
public sealed record WeeklyRecurrence : CalendarRecurrence
{
    public WeeklyRecurrence(int interval, IEnumerable<IsoDayOfWeek> days, LocalTime? timeOfDay)
        : base(interval, timeOfDay)
    {
        Days = [.. days.Distinct().Order()];
        if (Days.IsEmpty || Days.Any(d => d == IsoDayOfWeek.None))
        {
            throw new ArgumentException("A weekly pattern needs at least one weekday.", nameof(days));
        }
    }

    public ImmutableArray<IsoDayOfWeek> Days { get; }

    public override string Kind => "weekly";

    public override string Describe()
    {
        var days = Days.SequenceEqual(Weekdays) ? "on weekdays"
            : Days.SequenceEqual(Weekend) ? "on weekends"
            : Days.Length == 7 ? "on every day"
            : "on " + string.Join(", ", Days.Select(ShortName));
        return $"{Every(Interval, "week")} {days}{AtTime()}";
    }

    public static readonly ImmutableArray<IsoDayOfWeek> Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static readonly ImmutableArray<IsoDayOfWeek> Weekend = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    private static string ShortName(IsoDayOfWeek day) => day.ToString()[..3];

    public bool Equals(WeeklyRecurrence? other) =>
        other is not null && base.Equals(other) && Days.SequenceEqual(other.Days);

    public override int GetHashCode() =>
        Days.Aggregate(base.GetHashCode(), (hash, day) => HashCode.Combine(hash, day));

    protected override IEnumerable<LocalDate> CandidateDates(LocalDate anchorDate, LocalDate afterDate)
    {
        var anchorWeek = Monday(anchorDate);
        var weeks = Period.DaysBetween(anchorWeek, Monday(afterDate)) / 7;
        var k = PeriodsBefore(weeks, Interval);
        for (var week = anchorWeek.PlusWeeks((int)(k * Interval)); ; week = week.PlusWeeks(Interval))
        {
            foreach (var day in Days)
            {
                yield return week.PlusDays((int)day - 1);
            }
        }
    }

    private static LocalDate Monday(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);
}
