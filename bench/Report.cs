using System.Globalization;

namespace ScheduledMessages.Bench;

/// <summary>Prints figures in one plain format, so that runs can be compared and pasted into the README.</summary>
public static class Report
{
    public static void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine($"== {text}");
    }

    public static void Line(string text) => Console.WriteLine($"   {text}");

    public static void Figure(string name, double value, string format) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {name,-44} {value.ToString(format, CultureInfo.InvariantCulture),12}"));

    public static string Describe(IReadOnlyDictionary<string, string?> settings) =>
        string.Join(", ", settings
            .Where(pair => pair.Key.StartsWith("Scheduler:", StringComparison.Ordinal) || pair.Key.StartsWith("Telegram:Limits", StringComparison.Ordinal))
            .Select(pair => $"{pair.Key}={pair.Value}")
            .DefaultIfEmpty("bot defaults"));
}
