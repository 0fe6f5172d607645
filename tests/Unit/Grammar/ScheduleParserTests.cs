using CsCheck;
using NodaTime;
using ScheduledMessages.Grammar;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Unit.Grammar;

public sealed class ScheduleParserTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>Tuesday 10 March 2026, 14:30 in Berlin.</summary>
    private static readonly ZonedDateTime Now = new LocalDateTime(2026, 3, 10, 14, 30).InZoneStrictly(Berlin);

    private static LocalTime At(int hour, int minute = 0) => new(hour, minute);

    public static TheoryData<string, Recurrence, LocalDateTime?, string> SeedExamples => new()
    {
        { "2023-12-31T12:00:00 Happy New Year!", Recurrence.OneTime, new LocalDateTime(2023, 12, 31, 12, 0), "Happy New Year!" },
        { "daily 09:00 Good morning!", new DailyRecurrence(1, At(9)), null, "Good morning!" },
        {
            "weekly mon,wed,fri 08:00 Weekly reminder",
            new WeeklyRecurrence(1, [IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday], At(8)),
            null,
            "Weekly reminder"
        },
        { "weekly mon 09:45 Team meeting", new WeeklyRecurrence(1, [IsoDayOfWeek.Monday], At(9, 45)), null, "Team meeting" },
        { "monthly 1 10:00 Monthly report", new MonthlyRecurrence(1, MonthDay.OnDay(1), At(10)), null, "Monthly report" },
        { "every 30m Time for a break", new IntervalRecurrence(30), null, "Time for a break" },
        { "every 2h Drink water", new IntervalRecurrence(120), null, "Drink water" },
    };

    [Theory]
    [MemberData(nameof(SeedExamples))]
    public void Every_seed_example_parses_verbatim(string input, Recurrence recurrence, LocalDateTime? at, string content) =>
        AssertParses(input, recurrence, at, content);

    public static TheoryData<string, Recurrence, LocalDateTime?, string> RicherForms => new()
    {
        { "2026-12-31 18:00 New year's eve", Recurrence.OneTime, new LocalDateTime(2026, 12, 31, 18, 0), "New year's eve" },
        { "2026-12-31T18:00 New year's eve", Recurrence.OneTime, new LocalDateTime(2026, 12, 31, 18, 0), "New year's eve" },
        { "2026-12-31 at 6pm Party", Recurrence.OneTime, new LocalDateTime(2026, 12, 31, 18, 0), "Party" },
        { "tomorrow 09:00 Call mum", Recurrence.OneTime, new LocalDateTime(2026, 3, 11, 9, 0), "Call mum" },
        { "Tomorrow at 9:00 Call mum", Recurrence.OneTime, new LocalDateTime(2026, 3, 11, 9, 0), "Call mum" },
        { "today 18:00 Leave", Recurrence.OneTime, new LocalDateTime(2026, 3, 10, 18, 0), "Leave" },
        { "18:00 Leave", Recurrence.OneTime, new LocalDateTime(2026, 3, 10, 18, 0), "Leave" },
        { "9:15 Next morning", Recurrence.OneTime, new LocalDateTime(2026, 3, 11, 9, 15), "Next morning" },
        { "in 20m Tea is ready", Recurrence.OneTime, new LocalDateTime(2026, 3, 10, 14, 50), "Tea is ready" },
        { "in 45s Kettle", Recurrence.OneTime, new LocalDateTime(2026, 3, 10, 14, 30, 45), "Kettle" },
        { "in 2h Oven", Recurrence.OneTime, new LocalDateTime(2026, 3, 10, 16, 30), "Oven" },
        { "in 1d Tomorrow's thing", Recurrence.OneTime, new LocalDateTime(2026, 3, 11, 14, 30), "Tomorrow's thing" },
        { "in 1h30m Pick up", Recurrence.OneTime, new LocalDateTime(2026, 3, 10, 16, 0), "Pick up" },
        { "in 45 minutes Stretch", Recurrence.OneTime, new LocalDateTime(2026, 3, 10, 15, 15), "Stretch" },
        { "every 2 days 09:00 Water plants", new DailyRecurrence(2, At(9)), null, "Water plants" },
        { "every other day at 07:30 Run", new DailyRecurrence(2, At(7, 30)), null, "Run" },
        { "every day 09:00 Hi", new DailyRecurrence(1, At(9)), null, "Hi" },
        { "every other week mon 10:00 Retro", new WeeklyRecurrence(2, [IsoDayOfWeek.Monday], At(10)), null, "Retro" },
        { "every 2 weeks mon,thu 10:00 Sync", new WeeklyRecurrence(2, [IsoDayOfWeek.Monday, IsoDayOfWeek.Thursday], At(10)), null, "Sync" },
        { "every 3 months 15 10:00 Quarterly", new MonthlyRecurrence(3, MonthDay.OnDay(15), At(10)), null, "Quarterly" },
        { "every 2nd tuesday 10:00 Board", new MonthlyRecurrence(1, MonthDay.Nth(2, IsoDayOfWeek.Tuesday), At(10)), null, "Board" },
        { "every last friday 17:00 Drinks", new MonthlyRecurrence(1, MonthDay.Nth(-1, IsoDayOfWeek.Friday), At(17)), null, "Drinks" },
        { "every first Monday 9am Plan", new MonthlyRecurrence(1, MonthDay.Nth(1, IsoDayOfWeek.Monday), At(9)), null, "Plan" },
        { "every last day 18:00 Invoices", new MonthlyRecurrence(1, MonthDay.Last, At(18)), null, "Invoices" },
        { "monthly last 18:00 Rent", new MonthlyRecurrence(1, MonthDay.Last, At(18)), null, "Rent" },
        { "monthly 2nd tue 10:00 Patch day", new MonthlyRecurrence(1, MonthDay.Nth(2, IsoDayOfWeek.Tuesday), At(10)), null, "Patch day" },
        { "monthly last fri 16:00 Demo", new MonthlyRecurrence(1, MonthDay.Nth(-1, IsoDayOfWeek.Friday), At(16)), null, "Demo" },
        { "monthly 15th 10:00 Mid-month", new MonthlyRecurrence(1, MonthDay.OnDay(15), At(10)), null, "Mid-month" },
        { "weekdays 08:30 Stand-up", new WeeklyRecurrence(1, WeeklyRecurrence.Weekdays, At(8, 30)), null, "Stand-up" },
        { "weekends 10:00 Sleep in", new WeeklyRecurrence(1, WeeklyRecurrence.Weekend, At(10)), null, "Sleep in" },
        { "every weekday 08:30 Stand-up", new WeeklyRecurrence(1, WeeklyRecurrence.Weekdays, At(8, 30)), null, "Stand-up" },
        { "every Monday 09:00 Week plan", new WeeklyRecurrence(1, [IsoDayOfWeek.Monday], At(9)), null, "Week plan" },
        { "weekly Monday,Wednesday 08:00 Gym", new WeeklyRecurrence(1, [IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday], At(8)), null, "Gym" },
        { "weekly mon, wed, fri 08:00 Gym", new WeeklyRecurrence(1, [IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Friday], At(8)), null, "Gym" },
        { "weekly mon-fri 7:00 Alarm", new WeeklyRecurrence(1, WeeklyRecurrence.Weekdays, At(7)), null, "Alarm" },
        { "WEEKLY SAT 11:00 Market", new WeeklyRecurrence(1, [IsoDayOfWeek.Saturday], At(11)), null, "Market" },
        { "every 90m Move", new IntervalRecurrence(90), null, "Move" },
        { "every 1h30m Move", new IntervalRecurrence(90), null, "Move" },
        { "every 2 hours Drink water", new IntervalRecurrence(120), null, "Drink water" },
        { "every hour Look away", new IntervalRecurrence(60), null, "Look away" },
        { "hourly Look away", new IntervalRecurrence(60), null, "Look away" },
        { "daily 12:00 Lunch", new DailyRecurrence(1, At(12)), null, "Lunch" },
        { "daily 9:00 Nine", new DailyRecurrence(1, At(9)), null, "Nine" },
        { "daily 0:00 Midnight", new DailyRecurrence(1, At(0)), null, "Midnight" },
        { "daily 12am Midnight", new DailyRecurrence(1, At(0)), null, "Midnight" },
        { "daily 12pm Noon", new DailyRecurrence(1, At(12)), null, "Noon" },
    };

    [Theory]
    [MemberData(nameof(RicherForms))]
    public void Every_richer_form_parses(string input, Recurrence recurrence, LocalDateTime? at, string content) =>
        AssertParses(input, recurrence, at, content);

    [Fact]
    public void The_text_is_kept_verbatim_with_its_lines_and_spacing()
    {
        var spec = Parse("daily 09:00   Good  morning!\nSecond line\n");

        Assert.Equal("Good  morning!\nSecond line", spec.Content);
    }

    [Theory]
    [InlineData("!1 daily 09:00 Stand-up", 1, null)]
    [InlineData("daily 09:00 !2 Stand-up", 2, null)]
    [InlineData("daily 09:00 priority=5 Stand-up", 5, null)]
    [InlineData("daily 09:00 window=10m Stand-up", null, 10)]
    [InlineData("every 2h !1 window=1h30m Stand-up", 1, 90)]
    [InlineData("priority=3 window=15m in 20m Stand-up", 3, 15)]
    public void Options_set_the_priority_and_the_delivery_window(string input, int? priority, int? windowMinutes)
    {
        var spec = Parse(input);

        Assert.Equal("Stand-up", spec.Content);
        Assert.Equal(priority, spec.Priority);
        Assert.Equal(windowMinutes is { } m ? Duration.FromMinutes(m) : null, spec.DeliveryWindow);
    }

    [Fact]
    public void A_double_dash_ends_the_options_so_the_text_may_look_like_one()
    {
        var spec = Parse("daily 09:00 -- x=1 is the answer");

        Assert.Equal("x=1 is the answer", spec.Content);
    }

    [Fact]
    public void Text_that_starts_with_exclamation_marks_is_text()
    {
        var spec = Parse("daily 09:00 !!! Deadline !");

        Assert.Equal("!!! Deadline !", spec.Content);
        Assert.Null(spec.Priority);
    }

    [Fact]
    public void In_a_duration_counts_elapsed_time_across_a_DST_change()
    {
        // Berlin springs forward at 02:00 on 29 March 2026: 01:30 + 1h is 03:30 on the clock.
        var beforeGap = new LocalDateTime(2026, 3, 29, 1, 30).InZoneStrictly(Berlin);

        var spec = ScheduleParser.Parse("in 1h Check", beforeGap).Value;

        Assert.Equal(new LocalDateTime(2026, 3, 29, 3, 30), spec.At);
    }

    [Fact]
    public void A_date_in_the_past_is_the_use_cases_business_not_the_parsers()
    {
        Assert.True(ScheduleParser.Parse("2020-01-01 10:00 Old", Now).IsSuccess);
    }

    [Theory]
    [InlineData("", "Missing the schedule")]
    [InlineData("   ", "Missing the schedule")]
    [InlineData("daily", "Missing the time of day after \"daily\"")]
    [InlineData("daily Good morning", "Missing the time of day after \"daily\"")]
    [InlineData("daily 09:00", "Missing the message text after \"daily 09:00\"")]
    [InlineData("daily 09:00 !1", "Missing the message text")]
    [InlineData("daily 25:00 Hi", "\"25:00\" is not a time of day: hours go from 0 to 23")]
    [InlineData("daily 12:60 Hi", "\"12:60\" is not a time of day: minutes go from 00 to 59")]
    [InlineData("daily 9:5 Hi", "\"9:5\" is not a time of day")]
    [InlineData("daily 13pm Hi", "with am/pm, hours go from 1 to 12")]
    [InlineData("weekly mun 09:00 Hi", "\"mun\" is not a weekday")]
    [InlineData("weekly mon,fry 09:00 Hi", "\"fry\" is not a weekday")]
    [InlineData("every mun 09:00 Hi", "\"mun\" is not a weekday")]
    [InlineData("weekly 09:00 Hi", "Missing the weekdays after \"weekly\"")]
    [InlineData("monthly 32 10:00 Hi", "Day 32 is not a day of the month: use 1 to 31, or last")]
    [InlineData("monthly 0 10:00 Hi", "Day 0 is not a day of the month")]
    [InlineData("every 3 months 45 10:00 Hi", "Day 45 is not a day of the month")]
    [InlineData("monthly 10:00 Hi", "Missing the day of the month after \"monthly\"")]
    [InlineData("monthly tue 10:00 Hi", "Say which tue of the month")]
    [InlineData("every 5th friday 10:00 Hi", "does not come every month")]
    [InlineData("every 0m Hi", "The interval must be at least 1 minute")]
    [InlineData("every 0 minutes Hi", "The interval must be at least 1 minute")]
    [InlineData("every 0 days 09:00 Hi", "the interval must be at least 1")]
    [InlineData("every 9999999999m Hi", "too long")]
    [InlineData("every", "Missing what comes after \"every\"")]
    [InlineData("every banana Hi", "I don't understand \"every banana\"")]
    [InlineData("every 2 bananas Hi", "After \"every 2\" say minutes, hours, days, weeks or months")]
    [InlineData("every 2 days Hi", "Missing the time of day after \"every 2 days\"")]
    [InlineData("every other banana Hi", "After \"every other\" say day, week or month")]
    [InlineData("2026-02-30 10:00 Hi", "2026-02-30 is not a date: February 2026 has 28 days")]
    [InlineData("2026-13-01 10:00 Hi", "months go from 1 to 12")]
    [InlineData("2026-12-31 Hi", "Missing the time of day after \"2026-12-31\"")]
    [InlineData("2026-12-31T Hi", "Missing the time after \"2026-12-31T\"")]
    [InlineData("2026-12-31T25:00 Hi", "\"25:00\" is not a time of day")]
    [InlineData("in Hi", "\"Hi\" is not a duration")]
    [InlineData("in", "Missing how long after \"in\"")]
    [InlineData("in 0m Hi", "The delay must be at least 1 second")]
    [InlineData("every 90s Hi", "A repeating interval is whole minutes")]
    [InlineData("every 30s Hi", "The interval must be at least 1 minute")]
    [InlineData("in 400d Hi", "too long")]
    [InlineData("daily 09:00 colour=red Hi", "Unknown option \"colour=red\"")]
    [InlineData("daily 09:00 !9 Hi", "\"!9\" is not a priority")]
    [InlineData("daily 09:00 !0 Hi", "\"!0\" is not a priority")]
    [InlineData("daily 09:00 priority=high Hi", "\"priority=high\" is not a priority")]
    [InlineData("daily 09:00 !1 !2 Hi", "The priority is given twice")]
    [InlineData("daily 09:00 window=soon Hi", "is not a duration")]
    [InlineData("daily 09:00 window= Hi", "\"window=\" needs a duration")]
    [InlineData("!1", "Missing the schedule after the options")]
    [InlineData("monday 09:00 Hi", "\"monday\" alone is not a schedule")]
    [InlineData("soon Hi", "I don't understand \"soon\" as a time")]
    public void Each_malformed_command_says_exactly_what_is_wrong(string input, string problem)
    {
        var result = ScheduleParser.Parse(input, Now);

        Assert.True(result.IsFailure, $"'{input}' should not parse");
        Assert.InRange(result.Error!.Position, 0, input.Length);
        Assert.Contains(problem, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_usage_shows_every_kind_of_schedule_with_examples()
    {
        foreach (var example in new[] { "2026-12-31 18:00", "tomorrow", "in 20m", "daily 09:00", "weekly mon,wed,fri 08:00", "monthly last", "every 2nd tuesday", "every 30m", "!1", "window=10m" })
        {
            Assert.Contains(example, ScheduleGrammar.Usage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_example_in_the_usage_parses()
    {
        var examples = ScheduleGrammar.Usage.Split('\n')
            .Where(line => line.TrimStart().StartsWith("/schedule ", StringComparison.Ordinal))
            .Select(line => line.Trim()["/schedule ".Length..])
            .ToList();

        Assert.Equal(4, examples.Count);
        Assert.All(examples, example => Assert.True(ScheduleParser.Parse(example, Now).IsSuccess, example));
    }

    private static readonly string[] Words =
    [
        "every", "daily", "weekly", "monthly", "weekdays", "weekends", "hourly", "in", "today", "tomorrow", "other", "at",
        "2nd", "last", "first", "5th", "day", "days", "week", "weeks", "month", "months", "minutes", "hours", "h", "m",
        "mon", "Tuesday", "tue,thu", "mon-fri", "sun-mon", "mon,", "weekday", "fry", ",",
        "09:00", "9:00", "25:00", "12:60", "9am", "12pm", "13pm", "0:00", "23:59:59", "12:", ":30",
        "30m", "1h30m", "0m", "90m", "2d", "1w", "30s", "999999999999m", "400d",
        "0", "1", "2", "15", "31", "32", "99999999999999999999",
        "!1", "!5", "!9", "!", "!!!", "priority=2", "priority=", "window=10m", "window=", "w=0m", "foo=bar", "=", "--",
        "2026-02-30", "2026-12-31", "2026-12-31T18:00", "2026-12-31T", "0001-01-01", "9999-12-31T23:59", "2024-02-29",
        "from=2030-06-01", "from=2026-03-20", "from=2026-02-30",
        "Hello", "world", "🙂", "\u0000", "Текст", "",
    ];

    private static readonly string[] Seeds =
    [
        "2023-12-31T12:00:00 Happy New Year!", "daily 09:00 Good morning!", "weekly mon,wed,fri 08:00 Weekly reminder",
        "weekly mon 09:45 Team meeting", "monthly 1 10:00 Monthly report", "every 30m Time for a break", "every 2h Drink water",
        "every 2nd tuesday 10:00 Board", "in 1h30m Pick up", "every other week mon 10:00 Retro", "!1 window=10m daily 9am Hi",
    ];

    private static readonly Gen<ZonedDateTime> Nows =
        Gen.Select(
            Gen.Int[1970, 2200], Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[0, 23], Gen.Int[0, 59],
            Gen.OneOf("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe"),
            (y, mo, d, h, mi, zone) => new LocalDateTime(y, mo, d, h, mi).InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]));

    [Fact]
    public void Parse_never_throws_on_sentences_of_grammar_words()
    {
        var sentences = Gen.Select(Gen.OneOf(Words).Array[0, 10], Gen.OneOf(" ", "  ", "\n", "\t"), (words, gap) => string.Join(gap, words));

        var (specs, errors) = (0, 0);
        Gen.Select(sentences, Nows).Sample((input, now) => _ = CheckTotal(input, now) ? specs++ : errors++, iter: 50_000, threads: 1);

        // Both answers must be reached, or the property proves little.
        Assert.True(specs > 100 && errors > 100, $"{specs} specs, {errors} errors");
    }

    [Fact]
    public void Parse_never_throws_on_mutated_seed_examples()
    {
        var mutated = Gen.Select(
            Gen.OneOf(Seeds),
            Gen.Int[0, 40].Array[1, 4],
            Gen.Char[" 0123456789:,-!=Tamtuhdw\n"].Array[1, 4],
            Gen.Int[0, 2].Array[1, 4],
            (seed, positions, chars, kinds) =>
            {
                var text = seed;
                for (var i = 0; i < Math.Min(positions.Length, Math.Min(chars.Length, kinds.Length)); i++)
                {
                    var at = positions[i] % (text.Length + 1);
                    text = kinds[i] switch
                    {
                        0 when at < text.Length => text.Remove(at, 1),
                        1 => text.Insert(at, chars[i].ToString()),
                        _ when at < text.Length => text.Remove(at, 1).Insert(at, chars[i].ToString()),
                        _ => text,
                    };
                }

                return text;
            });

        var (specs, errors) = (0, 0);
        Gen.Select(mutated, Nows).Sample((input, now) => _ = CheckTotal(input, now) ? specs++ : errors++, iter: 40_000, threads: 1);

        Assert.True(specs > 1_000 && errors > 1_000, $"{specs} specs, {errors} errors");
    }

    [Fact]
    public void Parse_never_throws_on_arbitrary_text()
    {
        Gen.Select(Gen.String[0, 60], Nows).Sample((input, now) => { CheckTotal(input, now); }, iter: 20_000, threads: 1);
    }

    /// <summary>Parse is total: a consistent spec, or an error with a message and a place; never an exception. True for a spec.</summary>
    private static bool CheckTotal(string input, ZonedDateTime now)
    {
        var result = ScheduleParser.Parse(input, now);
        if (result.IsFailure)
        {
            Assert.InRange(result.Error!.Position, 0, input.Length);
            Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
            return false;
        }

        var spec = result.Value;
        Assert.False(string.IsNullOrWhiteSpace(spec.Content));
        Assert.Equal(spec.Content.Trim(), spec.Content);
        Assert.True(input.Contains(spec.Content, StringComparison.Ordinal));
        Assert.Equal(spec.Recurrence.IsRecurring, spec.At is null);
        Assert.True(spec.StartDate is null || spec.Recurrence.IsRecurring);
        Assert.True(result.Rest.AtEnd);
        Assert.True(spec.Priority is null or (>= 1 and <= 5));
        Assert.True(spec.DeliveryWindow is null || spec.DeliveryWindow >= Duration.FromMinutes(1));
        Assert.False(string.IsNullOrWhiteSpace(spec.Recurrence.Describe()));
        return true;
    }

    private static ScheduleSpec Parse(string input)
    {
        var result = ScheduleParser.Parse(input, Now);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private static void AssertParses(string input, Recurrence recurrence, LocalDateTime? at, string content)
    {
        var spec = Parse(input);

        Assert.Equal(recurrence, spec.Recurrence);
        Assert.Equal(at, spec.At);
        Assert.Null(spec.StartDate);
        Assert.Equal(content, spec.Content);
        Assert.Null(spec.Priority);
        Assert.Null(spec.DeliveryWindow);
    }
}
