using System.Globalization;
using ScheduledMessages.Bench.Telegram;

namespace ScheduledMessages.Bench.Setup;

/// <summary>The configuration a benchmark instance starts with: the bot's defaults unless a scenario overrides a key.</summary>
public static class InstanceSettings
{
    public static Dictionary<string, string?> For(string connectionString, string? apiBaseUrl, BenchArguments arguments)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Scheduler"] = connectionString,
            ["Telegram:BotToken"] = LoopbackBotApi.Token,
            ["Telegram:ApiBaseUrl"] = apiBaseUrl,
        };
        Override(settings, arguments, "batch", "Scheduler:BatchSize");
        Override(settings, arguments, "concurrency", "Scheduler:SendConcurrency");
        Override(settings, arguments, "poll", "Scheduler:PollInterval");
        foreach (var pair in (arguments.Text("set") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new BenchUsageException($"--set takes Key=Value pairs separated by ';', not \"{pair}\".");
            }

            settings[pair[..equals]] = pair[(equals + 1)..];
        }

        return settings;
    }

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, string key, object value)
    {
        settings[key] = Convert.ToString(value, CultureInfo.InvariantCulture);
        return settings;
    }

    private static void Override(Dictionary<string, string?> settings, BenchArguments arguments, string option, string key)
    {
        if (arguments.Text(option) is { } value)
        {
            settings[key] = value;
        }
    }
}
