using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ScheduledMessages.Infrastructure.Telegram;
using Telegram.Bot.Types;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// <c>POST /telegram/webhook</c>: checks the secret header in constant time (401 otherwise, nothing
/// stored) and stores the update in the inbox before answering 200; only when that write fails is
/// the answer non-2xx (503), so Telegram resends. The update is processed afterwards, from the inbox.
/// </summary>
public static partial class TelegramWebhookEndpoint
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        TelegramInbox inbox,
        IOptions<TelegramOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!SecretMatches(request.Headers[SecretHeader], options.Value.WebhookSecret))
        {
            return Results.Unauthorized();
        }

        string json;
        using (var reader = new StreamReader(request.Body))
        {
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        Update? update;
        try
        {
            update = TelegramInbox.Read(json);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is null)
        {
            return Results.BadRequest();
        }

        try
        {
            await inbox.StoreAsync([(update, json)], cancellationToken);
            return Results.Ok();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotStored(loggers.CreateLogger(typeof(TelegramWebhookEndpoint)), update.Id, e.GetType().Name);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Constant-time comparison, so the secret cannot be guessed byte by byte from timings.</summary>
    public static bool SecretMatches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || presented is null)
        {
            return false;
        }

        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} could not be stored ({Error}); answering 503 so Telegram resends it")]
    private static partial void LogNotStored(ILogger logger, int updateId, string error);
}
