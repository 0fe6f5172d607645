using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Grammar;

/// <summary>
/// The language of <c>/schedule</c>, one grammar for every form (words are case-insensitive):
/// <code>
/// schedule  := option* when option* ["--"] text
/// when      := date "T" time | date ["at"] time | ("today" | "tomorrow") ["at"] time | time
///            | "in" duration
///            | "daily" ["at"] time | ("weekdays" | "weekends") ["at"] time | "hourly"
///            | "weekly" days ["at"] time | "monthly" monthday ["at"] time
///            | "every" duration                          elapsed time: every 30m, every 1h30m
///            | "every" ["other" | N | Nth] "day(s)" ["at"] time
///            | "every" ["other" | N | Nth] "week(s)" days ["at"] time
///            | "every" ["other" | N | Nth] "month(s)" monthday ["at"] time
///            | "every" days ["at"] time                  every monday 09:00, every weekday 08:30
///            | "every" nth weekday ["at"] time           every 2nd tuesday 10:00 (monthly)
///            | "every" "last" ("day" | weekday) ["at"] time
/// time      := H:MM | HH:MM | HH:MM:SS | H[:MM]am | H[:MM]pm
/// date      := YYYY-MM-DD
/// duration  := (N unit)+ | N unitword                 30s, 20m, 2h, 1d, 1w, 1h30m, "90 minutes"
/// days      := day ("," day)* | day "-" day | "weekdays" | "weekends"     day: mon or monday ...
/// monthday  := 1..31 | 1st..31st | "last" | nth weekday | "last" weekday
/// nth       := 1st..4th | first..fourth | "last"
/// option    := "!" 1..5 | "priority=" 1..5 | "window=" duration | "from=" date (repeating only)
/// </code>
/// A plain time means its next occurrence (today or tomorrow). Options may stand before or right
/// after the when-part; "--" ends them, for a text that itself starts like an option. Each rule is
/// a production of <see cref="ScheduleParser"/>; the ranges (priority, day and week of the month,
/// smallest interval) are the Domain's.
/// </summary>
public static class ScheduleGrammar
{
    /// <summary>The help shown with every parse error and by /help schedule; plain text.</summary>
    public static readonly string Usage =
        $$$"""
        Usage: /schedule <when> [options] <text>
        When (in this chat's time zone):
          once: 2026-12-31 18:00 | 2026-12-31T18:00 | today 18:00 | tomorrow 9am | 18:00 | in 20m | in 1h30m | in 30s
          daily: daily 09:00 | weekdays 08:30 | weekends 10:00 | every 2 days 09:00
          weekly: weekly mon,wed,fri 08:00 | every monday 09:00 | every other week mon 10:00 | every 2 weeks mon,thu 10:00
          monthly: monthly 1 10:00 | monthly last 18:00 | monthly 2nd tue 10:00 | every 3 months 15 10:00
                   every 2nd tuesday 10:00 | every last friday 17:00
          repeating: every 30m | every 2h | every 1h30m
        Options, before the text: !{{{High}}} (highest) to !{{{Low}}} (lowest) or priority={{{High}}}..{{{Low}}}; window=10m (not sent if later than that);
          from=2030-06-01 (a repeating schedule starts that day)
        Text: may use {date} {time} {weekday} {count} ..., filled in when sent; {{ writes {
        Several at once: /schedule on its own line, then one schedule a line.
        Examples:
          /schedule daily 09:00 Good morning!
          /schedule tomorrow 9:00 !1 Call the bank
          /schedule every 2h window=10m Drink water
          /schedule daily 09:00 from=2030-06-01 Day {count} of the course
        """;

    private const int High = ScheduledMessage.HighestPriority;

    private const int Low = ScheduledMessage.LowestPriority;
}
