using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScheduledMessages.Bench.Measuring;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Bench.Telegram;

/// <summary>
/// A lean Bot API server on loopback for the benchmark: answers <c>sendMessage</c> in the real wire
/// format, enforces Telegram's limits when they are on (429 with <c>retry_after</c>, the same ledger
/// as the tests' double) and logs each accepted message, nothing more, so that it costs little
/// next to the bot it measures.
/// </summary>
public sealed class LoopbackBotApi : IAsyncDisposable
{
    public const string Token = "123456789:AAE-bench_token-for-the-loopback-api";

    private readonly Lock _gate = new();
    private readonly SendLimitLedger _ledger = new();
    private readonly WebApplication _app;
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private BotApiLimits _limits;
    private int _nextMessageId;

    private LoopbackBotApi(WebApplication app, BotApiLimits limits, DeliveryLog log)
    {
        _app = app;
        _limits = limits;
        Log = log;
    }

    public DeliveryLog Log { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public BotApiLimits Limits
    {
        get { lock (_gate) { return _limits; } }
        set { lock (_gate) { _limits = value; _ledger.Clear(); } }
    }

    public static async Task<LoopbackBotApi> StartAsync(BotApiLimits limits, DeliveryLog log)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new LoopbackBotApi(app, limits, log);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!path.StartsWith($"/bot{Token}/", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 401, "Unauthorized", null);
            return;
        }

        if (!path.EndsWith("/sendMessage", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, 404, "Not Found", null);
            return;
        }

        long chatId;
        string text;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var chat = body.RootElement.GetProperty("chat_id");
            chatId = chat.ValueKind == JsonValueKind.Number ? chat.GetInt64() : long.Parse(chat.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            text = body.RootElement.GetProperty("text").GetString() ?? string.Empty;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            await ErrorAsync(context, 400, "Bad Request: can't parse JSON object", null);
            return;
        }

        var messageId = 0;
        int? retryAfter = null;
        lock (_gate)
        {
            if (_ledger.TryRecord(chatId, TimeProvider.System.GetElapsedTime(_started), _limits) is { } wait)
            {
                retryAfter = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
            }
            else
            {
                messageId = ++_nextMessageId;
            }
        }

        if (retryAfter is { } seconds)
        {
            Log.RecordRejection();
            await ErrorAsync(context, 429, $"Too Many Requests: retry after {seconds}", seconds);
            return;
        }

        Log.Record(chatId, text);
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteBoolean("ok", true);
        json.WriteStartObject("result");
        json.WriteNumber("message_id", messageId);
        json.WriteNumber("date", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        json.WriteStartObject("chat");
        json.WriteNumber("id", chatId);
        json.WriteString("type", chatId < 0 ? "group" : "private");
        json.WriteEndObject();
        json.WriteString("text", text);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static async Task ErrorAsync(HttpContext context, int code, string description, int? retryAfter)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteBoolean("ok", false);
        json.WriteNumber("error_code", code);
        json.WriteString("description", description);
        if (retryAfter is { } seconds)
        {
            json.WriteStartObject("parameters");
            json.WriteNumber("retry_after", seconds);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync();
    }
}
