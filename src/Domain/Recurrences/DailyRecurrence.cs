using NodaTime;

namespace ScheduledMessages.Domain.Recurrences;

/// <summary>Every <see cref="CalendarRecurrence.Interval"/> days at a time of day.</summary>
public sealed record DailyRecurrence : CalendarRecurrence
{
    public DailyRecurrence(int interval, LocalTime? timeOfDay)
        : base(interval, timeOfDay)
    {
    }

    public override string Kind => "daily";

    public override string Describe() => Every(Interval, "day") + AtTime();

    protected override IEnumerable<LocalDate> CandidateDates(LocalDate anchorDate, LocalDate afterDate)
    {
        var k = PeriodsBefore(Period.DaysBetween(anchorDate, afterDate), Interval);
        for (var date = anchorDate.PlusDays((int)(k * Interval)); ; date = date.PlusDays(Interval))
        {
            yield return date;
        }
    }
}
