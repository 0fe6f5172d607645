using NodaTime;

namespace ScheduledMessages.Domain.Recurrences;

/// <summary>Every <see cref="CalendarRecurrence.Interval"/> months on a day chosen by <see cref="Day"/>.</summary>
public sealed record MonthlyRecurrence : CalendarRecurrence
{
    private readonly MonthDay _day;

    public MonthlyRecurrence(int interval, MonthDay day, LocalTime? timeOfDay)
        : base(interval, timeOfDay) =>
        _day = Checked(day);

    public MonthDay Day
    {
        get => _day;
        init => _day = Checked(value);
    }

    public override string Kind => "monthly";

    public override string Describe() => $"{Every(Interval, "month")} {Day.Describe()}{AtTime()}";

    private static MonthDay Checked(MonthDay? day) =>
        day ?? throw new ArgumentNullException(nameof(day), "A monthly pattern needs a day.");

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
