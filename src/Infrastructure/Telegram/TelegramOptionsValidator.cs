using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>Checks the "Telegram" section at start; each failure names its key and never echoes the token.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Telegram:BotToken is required to talk to Telegram.");
        }
        else if (!BotTokenPattern().IsMatch(options.BotToken))
        {
            failures.Add("Telegram:BotToken is not a bot token: expected '<bot id>:<secret>' as BotFather gives it.");
        }

        if (options.ApiBaseUrl is { Length: > 0 } baseUrl && !IsHttpUrl(baseUrl, httpsOnly: false))
        {
            failures.Add($"Telegram:ApiBaseUrl '{baseUrl}' is not an absolute http(s) URL.");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"Telegram:Mode '{options.Mode}' is not Polling or Webhook.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(options.WebhookUrl) || !IsHttpUrl(options.WebhookUrl, httpsOnly: true))
            {
                failures.Add("Telegram:WebhookUrl must be an absolute https URL in webhook mode.");
            }

            if (string.IsNullOrEmpty(options.WebhookSecret) || !WebhookSecretPattern().IsMatch(options.WebhookSecret))
            {
                failures.Add("Telegram:WebhookSecret is required in webhook mode: 1..256 characters of A-Z, a-z, 0-9, _ and -.");
            }
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Telegram:RequestTimeout must be positive (got {options.RequestTimeout}).");
        }

        if (options.ApiCallTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Telegram:ApiCallTimeout must be positive (got {options.ApiCallTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value, bool httpsOnly) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp));

    [GeneratedRegex(@"^\d{1,20}:[A-Za-z0-9_-]{1,200}$")]
    private static partial Regex BotTokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex WebhookSecretPattern();
}
