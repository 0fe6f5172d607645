using System.Globalization;

namespace ScheduledMessages.Bench.Setup;

/// <summary>The command line: a scenario name, then <c>--name value</c> pairs the scenario reads (see <see cref="Usage"/>).</summary>
public sealed class BenchArguments
{
    public const string HelpScenario = "help";

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private BenchArguments(string scenario) => Scenario = scenario;

    /// <summary>The scenario's name in lower case, or <see cref="HelpScenario"/>.</summary>
    public string Scenario { get; }

    public bool IsHelp => Scenario == HelpScenario;

    /// <summary>
    /// A known scenario followed by its own options; a help word anywhere asks for the usage.
    /// Throws <see cref="BenchUsageException"/> naming what it cannot read.
    /// </summary>
    public static BenchArguments Parse(string[] args)
    {
        if (args.Any(arg => Usage.HelpWords.Contains(arg, StringComparer.OrdinalIgnoreCase)))
        {
            return new BenchArguments(HelpScenario);
        }

        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new BenchUsageException(args.Length == 0 ? "Name a scenario." : $"Name a scenario before the options (got '{args[0]}').");
        }

        var scenario = Usage.Find(args[0])
            ?? throw new BenchUsageException($"Unknown scenario '{args[0]}'.");
        var parsed = new BenchArguments(scenario.Name);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new BenchUsageException($"Expected '--name value' at '{args[i]}'.");
            }

            var name = args[i][2..];
            if (!scenario.Accepts(name))
            {
                throw new BenchUsageException($"Unknown option '{args[i]}' for {scenario.Name}.");
            }

            if (i + 1 >= args.Length)
            {
                throw new BenchUsageException($"{args[i]} needs a value.");
            }

            parsed._values[name] = args[++i];
        }

        return parsed;
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int Number(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? WholeNumber(name, text) : fallback;

    public bool Switch(string name, bool fallback) =>
        _values.TryGetValue(name, out var text)
            ? text.ToLowerInvariant() switch
            {
                "on" or "true" or "yes" => true,
                "off" or "false" or "no" => false,
                _ => throw new BenchUsageException($"--{name} must be on or off (got '{text}')."),
            }
            : fallback;

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback) =>
        _values.TryGetValue(name, out var text)
            ? [.. text.Split(',').Select(part => WholeNumber(name, part))]
            : fallback;

    private static int WholeNumber(string name, string text) =>
        int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BenchUsageException($"--{name} must be a whole number (got '{text}').");
}
