using NodaTime;

namespace ScheduledMessages.Domain.Recurrences;

/// <summary>Every <see cref="CalendarRecurrence.Interval"/> months on a day chosen by <see cref="Day"/>.</summary>
public sealed record MonthlyRecurrence : CalendarRecurrence
{
    public MonthlyRecurrence(int interval, MonthDay day, LocalTime? timeOfDay)
        : base(interval, timeOfDay) =>
        Day = day;

    public MonthDay Day { get; init; }

    public override string Kind => "monthly";

    public override string Describe() => $"{Every(Interval, "month")} {Day.Describe()}{AtTime()}";

    protected override IEnumerable<LocalDate> CandidateDates(LocalDate anchorDate, LocalDate afterDate)
    {
        var anchorMonth = new YearMonth(anchorDate.Year, anchorDate.Month);
        var months = ((afterDate.Year - anchorDate.Year) * 12) + afterDate.Month - anchorDate.Month;
        var k = PeriodsBefore(months, Interval);
        for (var month = anchorMonth.PlusMonths((int)(k * Interval)); ; month = month.PlusMonths(Interval))
        {
            yield return Day.In(month);
        }
    }
}
