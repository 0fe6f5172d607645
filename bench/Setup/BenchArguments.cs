using System.Globalization;

namespace ScheduledMessages.Bench.Setup;

/// <summary>The command line: a scenario name, then <c>--name value</c> pairs.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private BenchArguments(string scenario) => Scenario = scenario;

    public string Scenario { get; }

    public static BenchArguments Parse(string[] args)
    {
        var parsed = new BenchArguments(args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0].ToLowerInvariant() : "help");
        for (var i = parsed.Scenario == "help" ? 0 : 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' at '{args[i]}'.");
            }

            parsed._values[args[i][2..]] = args[++i];
        }

        return parsed;
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int Number(string name, int fallback) =>
        _values.TryGetValue(name, out var text)
            ? int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"--{name} must be a whole number (got '{text}').")
            : fallback;

    public bool Switch(string name, bool fallback) =>
        _values.TryGetValue(name, out var text)
            ? text.ToLowerInvariant() switch
            {
                "on" or "true" or "yes" => true,
                "off" or "false" or "no" => false,
                _ => throw new ArgumentException($"--{name} must be on or off (got '{text}')."),
            }
            : fallback;

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback) =>
        _values.TryGetValue(name, out var text)
            ? [.. text.Split(',').Select(part => int.Parse(part.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture))]
            : fallback;
}
