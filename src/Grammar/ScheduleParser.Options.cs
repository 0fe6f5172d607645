using System.Text.RegularExpressions;
using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Grammar;

/// <summary>The options: !1..!5 or priority=, window=, from=; before the when-part or right after it.</summary>
public static partial class ScheduleParser
{
    private const int Highest = ScheduledMessage.HighestPriority;

    private const int Lowest = ScheduledMessage.LowestPriority;

    /// <summary>Options while the words look like options; after the when-part "--" ends them (and is taken).</summary>
    private static ParseResult<ScheduleOptions> Options(Input input, ScheduleOptions options, bool afterWhen)
    {
        while (input.Next is { } word)
        {
            if (afterWhen && word == "--")
            {
                return input.Skip().Success(options);
            }

            if (!OptionShape().IsMatch(word))
            {
                break;
            }

            var option = Option(input, options);
            if (option.Error is { } error)
            {
                return error;
            }

            (options, input) = (option.Value, option.Rest);
        }

        return input.Success(options);
    }

    /// <summary>One option word: !N, or name=value.</summary>
    private static ParseResult<ScheduleOptions> Option(Input input, ScheduleOptions options)
    {
        var word = input.Next!;
        var equals = word.StartsWith('!') ? 0 : word.IndexOf('=', StringComparison.Ordinal);
        var name = word.StartsWith('!') ? "priority" : word[..equals].ToLowerInvariant();
        var value = Input.Of(word[(equals + 1)..], input.Position + equals + 1);
        return name switch
        {
            "priority" or "p" => Priority(input, value, options),
            "window" or "w" => Window(input, value, options),
            "from" or "starting" => From(input, value, options),
            _ => input.Error(
                $"Unknown option \"{word}\": the options are !{Highest}..!{Lowest} (or priority={Highest}..{Lowest}), window=<duration> and from=<date>. " +
                "If this is the start of your text, put -- before it."),
        };
    }

    private static ParseResult<ScheduleOptions> Priority(Input option, Input value, ScheduleOptions options)
    {
        if (options.Priority is not null)
        {
            return option.Error($"The priority is given twice: give it once, !{Highest} (highest) to !{Lowest} (lowest).");
        }

        var priority = ScheduleWords.WholeNumber(value.Next ?? string.Empty);
        if (priority is not (>= Highest and <= Lowest))
        {
            return option.Error($"\"{option.Next}\" is not a priority: use !{Highest} (highest) to !{Lowest} (lowest), or priority={Highest}..{Lowest}.");
        }

        return option.Skip().Success(options with { Priority = priority });
    }

    private static ParseResult<ScheduleOptions> Window(Input option, Input value, ScheduleOptions options)
    {
        if (options.Window is not null)
        {
            return option.Error("The delivery window is given twice: give it once, e.g. window=10m.");
        }

        if (value.AtEnd)
        {
            return option.Error("\"window=\" needs a duration, e.g. window=10m or window=2h.");
        }

        var window = ScheduleWords.CompactDuration(value);
        if (window.Error is { } error)
        {
            return error.About("window");
        }

        if (window.Value < Duration.FromMinutes(1))
        {
            return option.Error("The delivery window must be at least 1 minute, e.g. window=10m.");
        }

        return option.Skip().Success(options with { Window = window.Value });
    }

    private static ParseResult<ScheduleOptions> From(Input option, Input value, ScheduleOptions options)
    {
        if (options.From is not null)
        {
            return option.Error("The start date is given twice: give it once, e.g. from=2030-06-01.");
        }

        var date = value.Next ?? string.Empty;
        if (!ScheduleWords.IsDateWord(date) || ScheduleWords.TimeAfterDate(date) is not null)
        {
            return option.Error($"\"{option.Next}\" is not a start date: write from=YYYY-MM-DD, e.g. from=2030-06-01.");
        }

        var start = ScheduleWords.Date(value);
        if (start.Error is { } error)
        {
            return error.About("from");
        }

        return option.Skip().Success(options with { From = start.Value, FromPosition = option.Position });
    }

    [GeneratedRegex(@"^(![0-9]+|[A-Za-z]+=.*)$")]
    private static partial Regex OptionShape();

    /// <summary>The options read so far; <see cref="FromPosition"/> is where from= stands, for its errors.</summary>
    private sealed record ScheduleOptions(int? Priority, Duration? Window, LocalDate? From, int FromPosition)
    {
        public static readonly ScheduleOptions None = new(null, null, null, 0);
    }
}
