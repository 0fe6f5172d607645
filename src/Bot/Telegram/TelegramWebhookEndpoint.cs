using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Infrastructure.Telegram;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// <c>POST /telegram/webhook</c>: checks the secret header in constant time (401 otherwise, nothing
/// processed) and answers non-2xx when processing failed transiently, so Telegram resends.
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
        TelegramUpdateProcessor processor,
        IOptions<TelegramOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!SecretMatches(request.Headers[SecretHeader], options.Value.WebhookSecret))
        {
            return Results.Unauthorized();
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, cancellationToken);
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
            await processor.ProcessAsync(update, cancellationToken);
            return Results.Ok();
        }
        catch (Exception e) when (e is not OperationCanceledException && TransientFailure.IsTransient(e))
        {
            LogTransient(loggers.CreateLogger(typeof(TelegramWebhookEndpoint)), update.Id, e.GetType().Name);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} failed transiently ({Error}); answering 503 so Telegram resends it")]
    private static partial void LogTransient(ILogger logger, int updateId, string error);
}
