using System.Globalization;
using System.Text;
using ScheduledMessages.Domain.Common;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>
/// Variables in a message's text, filled in when it is sent: <c>{date}</c>, <c>{time}</c>,
/// <c>{datetime}</c>, <c>{weekday}</c>, <c>{day}</c>, <c>{month}</c>, <c>{year}</c>, <c>{zone}</c> and
/// <c>{count}</c> (which occurrence this is, from 1). <c>{{</c> and <c>}}</c> write a brace.
/// </summary>
public static class MessageTemplate
{
    public const string ErrorCode = "content.template";

    private static readonly Dictionary<string, Func<TemplateValues, string>> Variables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["date"] = v => v.Occurrence.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        ["time"] = v => v.Occurrence.ToString("HH':'mm", CultureInfo.InvariantCulture),
        ["datetime"] = v => v.Occurrence.ToString("yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture),
        ["weekday"] = v => v.Occurrence.DayOfWeek.ToString(),
        ["day"] = v => v.Occurrence.Day.ToString(CultureInfo.InvariantCulture),
        ["month"] = v => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(v.Occurrence.Month),
        ["year"] = v => v.Occurrence.Year.ToString(CultureInfo.InvariantCulture),
        ["zone"] = v => v.Occurrence.Zone.Id,
        ["count"] = v => v.Count.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The variables people can use, for help texts.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Variables.Keys.Select(k => "{" + k + "}")];

    /// <summary>Null when <paramref name="text"/> is a valid template, else what is wrong with it.</summary>
    public static DomainError? Validate(string text) => Expand(text, values: null, output: null);

    /// <summary>Fills in the variables; false (and the text unchanged) when it is not a valid template.</summary>
    public static bool TryRender(string text, TemplateValues values, out string rendered)
    {
        var output = new StringBuilder(text.Length + 16);
        if (Expand(text, values, output) is not null)
        {
            rendered = text;
            return false;
        }

        rendered = output.Length > ScheduledMessage.MaxContentLength
            ? output.ToString(0, ScheduledMessage.MaxContentLength)
            : output.ToString();
        return true;
    }

    private static DomainError? Expand(string text, TemplateValues? values, StringBuilder? output)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                output?.Append('}');
                i++;
                continue;
            }

            if (c != '{')
            {
                output?.Append(c);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                output?.Append('{');
                i++;
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            var open = text.IndexOf('{', i + 1);
            if (close < 0 || (open >= 0 && open < close))
            {
                return new DomainError(ErrorCode, "A { has no closing }. Write {{ for a brace, or use a variable such as {date}.");
            }

            var name = text[(i + 1)..close].Trim();
            if (!Variables.TryGetValue(name, out var variable))
            {
                return new DomainError(
                    ErrorCode,
                    $"Unknown variable {{{Shorten(name)}}}. Variables: {string.Join(", ", Names)}; write {{{{ for a brace.");
            }

            if (values is not null)
            {
                output?.Append(variable(values));
            }

            i = close;
        }

        return null;
    }

    private static string Shorten(string name) => name.Length <= 30 ? name : name[..29] + "…";
}
