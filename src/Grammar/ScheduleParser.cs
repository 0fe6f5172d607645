using NodaTime;

namespace ScheduledMessages.Grammar;

/// <summary>
/// Reads the arguments of <c>/schedule</c> by <see cref="ScheduleGrammar"/>. Pure: it reads no
/// clock (relative forms use the given <c>now</c>) and never throws; whether a time is in the past
/// is the use case's question, not the parser's. Each part of the grammar is a production: a
/// function from an <see cref="Input"/> to a <see cref="ParseResult{T}"/> (the value and the rest of
/// the input, or an error that says what is wrong and where). This file holds the whole command;
/// the when-part, the every-forms and the options each have a file of their own, the single words
/// are in <see cref="ScheduleWords"/>.
/// </summary>
public static partial class ScheduleParser
{
    /// <summary>How far ahead a start date may be: further is surely a typo (the use case refuses first sends as far).</summary>
    public const int MaxYearsAhead = 10;

    /// <summary>
    /// A spec, or an error whose message says exactly what is wrong; show it with
    /// <see cref="ScheduleGrammar.Usage"/>.
    /// </summary>
    public static ParseResult<ScheduleSpec> Parse(string? arguments, ZonedDateTime now)
    {
        var result = ParseAll(arguments, now);

        // A word in other digits (٠٩:٠٠, ０９:００) is answered as such, whichever production stumbled on it.
        return result.Error is { } error && WordAt(arguments ?? string.Empty, error.Position) is { } word && Digits.HasOthers(word)
            ? new ParseError(Digits.Problem(word), error.Position)
            : result;
    }

    private static string? WordAt(string arguments, int position)
    {
        if (position < 0 || position >= arguments.Length)
        {
            return null;
        }

        var end = position;
        while (end < arguments.Length && !char.IsWhiteSpace(arguments[end]))
        {
            end++;
        }

        return end > position ? arguments[position..end] : null;
    }

    private static ParseResult<ScheduleSpec> ParseAll(string? arguments, ZonedDateTime now)
    {
        var input = Input.Of(arguments);
        if (input.AtEnd)
        {
            return input.Error("Missing the schedule: say when, then the text, e.g. daily 09:00 Good morning!");
        }

        var leading = Options(input, ScheduleOptions.None, afterWhen: false);
        if (leading.Error is { } optionError)
        {
            return optionError;
        }

        var whenStart = leading.Rest;
        if (whenStart.AtEnd)
        {
            return whenStart.Error("Missing the schedule after the options: say when, then the text, e.g. !1 daily 09:00 Stand-up.");
        }

        var when = When(whenStart, now);
        if (when.Error is { } whenError)
        {
            return whenError;
        }

        var trailing = Options(when.Rest, leading.Value, afterWhen: true);
        if (trailing.Error is { } lateOptionError)
        {
            return lateOptionError;
        }

        var text = trailing.Rest;
        var content = text.Rest();
        if (content.Length == 0)
        {
            return text.Error($"Missing the message text after \"{when.Rest.Since(whenStart)}\".");
        }

        var options = trailing.Value;
        var (recurrence, at) = when.Value;
        LocalDate? startDate = null;
        if (options.From is { } from)
        {
            if (!recurrence.IsRecurring)
            {
                return new ParseError("from= is for repeating schedules; a one-time message has its own date, e.g. 2030-06-01 09:00.", options.FromPosition);
            }

            if (from < now.Date)
            {
                return new ParseError($"from={IsoDate(from)} is already past; today is {IsoDate(now.Date)}.", options.FromPosition);
            }

            if (from > now.Date.PlusYears(MaxYearsAhead))
            {
                return new ParseError($"from={IsoDate(from)} is more than {MaxYearsAhead} years ahead; start sooner, e.g. from={IsoDate(now.Date.PlusMonths(1))}.", options.FromPosition);
            }

            // From today is what a schedule does anyway; a later day starts its first match there.
            startDate = from == now.Date ? null : from;
        }

        return text.End().Success(new ScheduleSpec(recurrence, at, startDate, content, options.Priority, options.Window));
    }

    private static string IsoDate(LocalDate date) => date.ToString("yyyy'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture);
}
