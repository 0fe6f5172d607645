using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>A bad setting stops the real host at start with a message naming its key (and never showing the token).</summary>
public sealed class ConfigurationTests
{
    /// <summary>Never reached when validation works: any use of it fails, and without naming a key.</summary>
    private const string UnreachableDatabase = "Host=127.0.0.1;Port=1;Database=scheduler_e2e_unused;Username=nobody;Password=none;Timeout=2";

    [Theory]
    [InlineData("Scheduler:PollInterval", "00:00:00")]
    [InlineData("Scheduler:BatchSize", "many")]
    [InlineData("Scheduler:MaxAttempts", "-1")]
    [InlineData("Scheduler:RetryBaseDelay", "-00:05:00")]
    [InlineData("Scheduler:DefaultTimeZone", "Mars/Olympus_Mons")]
    [InlineData("Telegram:Mode", "CarrierPigeon")]
    [InlineData("Telegram:ApiBaseUrl", "not a url")]
    [InlineData("Telegram:WebhookSecret", null)]
    [InlineData("Telegram:WebhookUrl", "http://insecure.example.test/telegram/webhook")]
    [InlineData("Telegram:Limits:PerChatLimit", "0")]
    public async Task A_bad_setting_stops_the_host_with_a_message_naming_its_key(string key, string? value)
    {
        var settings = Valid();
        if (key.StartsWith("Telegram:Webhook", StringComparison.Ordinal))
        {
            settings["Telegram:Mode"] = "Webhook";
            settings["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/webhook";
            settings["Telegram:WebhookSecret"] = "secret";
        }

        settings[key] = value;

        var message = await StartupFailureAsync(settings);

        Assert.Contains(key, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_bot_token_stops_the_host_without_showing_the_token()
    {
        var settings = Valid();
        settings["Telegram:BotToken"] = "my-secret-token-with-no-colon";

        var message = await StartupFailureAsync(settings);

        Assert.Contains("Telegram:BotToken", message, StringComparison.Ordinal);
        Assert.DoesNotContain("my-secret-token-with-no-colon", message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Valid() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Telegram:BotToken"] = BotApiDouble.DefaultToken,
        ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        ["ConnectionStrings:Scheduler"] = UnreachableDatabase,
    };

    /// <summary>Every message of the exception that stopped the host (with inner ones); fails the test if it started.</summary>
    private static async Task<string> StartupFailureAsync(Dictionary<string, string?> settings)
    {
        BotHost host;
        try
        {
            host = await BotHost.StartAsync(settings);
        }
        catch (Exception e)
        {
            var messages = new List<string>();
            for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            {
                messages.Add(inner.Message);
            }

            return string.Join(" | ", messages);
        }

        await host.DisposeAsync();
        Assert.Fail("The host started with a bad setting.");
        return string.Empty;
    }
}
