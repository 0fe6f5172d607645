using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ScheduledMessages.Bot.Telegram;
using ScheduledMessages.Infrastructure.Persistence.Notifications;
using ScheduledMessages.Integration.Fixtures;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// One bot world per test class: its own PostgreSQL database, Bot API double and real host, so
/// classes run in parallel without seeing each other. Tests inside a class keep apart by using
/// their own chats (<see cref="ChatIds"/>). Subclasses choose the host's settings and the limits.
/// </summary>
public abstract partial class BotFixture : IAsyncLifetime
{
    /// <summary>
    /// How long a test waits for something it expects before it fails: generous, since the waits
    /// return as soon as the condition holds and a loaded machine may take seconds (ADR 0704).
    /// </summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    private BotApiDouble? _api;
    private BotHost? _host;

    public PostgresFixture Database { get; } = new();

    public BotApiDouble Api => _api ?? throw new InvalidOperationException("The fixture is not started.");

    public BotHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>Configuration on top of <see cref="BotHost.Settings"/>' defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>The limits the double enforces on sendMessage (Telegram's by default).</summary>
    protected virtual BotApiLimits Limits => BotApiLimits.Telegram;

    /// <summary>Adds to the host's services before it is built (e.g. a database fault to inject).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Prepares the double before the bot first calls it (faults, queued updates).</summary>
    protected virtual void BeforeHostStarts(BotApiDouble api)
    {
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _api = await BotApiDouble.StartAsync(Limits);
        BeforeHostStarts(_api);
        _host = await BotHost.StartAsync(BotHost.Settings(_api, Database.ConnectionString, Settings), ConfigureServices);

        // Start-up is done once the menu is registered (after getMe, before any webhook).
        await _api.WaitUntilAsync(d => d.Commands.Count > 0, ReplyTimeout);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    /// <summary>Sends <paramref name="text"/> as a user of <paramref name="chatId"/> would and returns the bot's next message there.</summary>
    public async Task<SentMessage> AskAsync(long chatId, string text, TimeSpan? timeout = null, long? fromUserId = null)
    {
        var before = Api.SentTo(chatId).Count;
        Api.EnqueueMessage(chatId, text, fromUserId);
        return await NextMessageAsync(chatId, before, timeout);
    }

    /// <summary>Posts an update to the bot's webhook as Telegram does, with <paramref name="secret"/> in the header when given.</summary>
    public async Task<HttpResponseMessage> PostUpdateAsync(JsonObject update, string? secret)
    {
        using var request = WebhookRequest(update.ToJsonString(), secret);
        return await Host.Http.SendAsync(request);
    }

    /// <summary>A POST of <paramref name="json"/> to the webhook path, as Telegram sends it (the secret header when given).</summary>
    public static HttpRequestMessage WebhookRequest(string json, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(TelegramWebhookEndpoint.Path.TrimStart('/'), UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }

        return request;
    }

    /// <summary>The message sent to <paramref name="chatId"/> after the first <paramref name="before"/> ones.</summary>
    public async Task<SentMessage> NextMessageAsync(long chatId, int before, TimeSpan? timeout = null)
    {
        await Api.WaitUntilAsync(d => d.SentTo(chatId).Count > before, timeout ?? ReplyTimeout);
        return Api.SentTo(chatId)[before];
    }

    /// <summary>
    /// Waits until every update queued at the double so far has been fetched, stored and handled,
    /// and its answer sent (a done update holds its lease until then): the way to see that
    /// something got no answer, now that chats are handled side by side.
    /// </summary>
    public async Task AllUpdatesHandledAsync()
    {
        await Api.WaitUntilAsync(d => d.PendingUpdateCount == 0, ReplyTimeout);
        using var deadline = new CancellationTokenSource(ReplyTimeout);
        while ((await Database.QueryAsync("SELECT update_id FROM inbound_updates WHERE status = 'pending' OR locked_until IS NOT NULL")).Count > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The inbox still holds updates that are not handled.");
            }
        }
    }

    /// <summary>The stored rows of a chat: id, status, content, scheduled time, attempts and metadata.</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RowsOfChatAsync(long chatId) =>
        Database.QueryAsync(
            "SELECT id, status, message_content, scheduled_time, attempts, metadata::text AS metadata FROM scheduled_messages WHERE chat_id = $1 ORDER BY created_at",
            chatId);

    /// <summary>Waits (re-reading the database) until <paramref name="condition"/> holds for the row <paramref name="id"/>.</summary>
    public async Task<StoredMessage> WaitForRowAsync(Guid id, Func<StoredMessage, bool> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? ReplyTimeout);
        while (true)
        {
            var row = await ScheduledMessageRows.ReadAsync(Database, id);
            if (condition(row))
            {
                return row;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Row {id} did not reach the expected state; it is {row}.");
            }
        }
    }

    /// <summary>
    /// Makes the rows <paramref name="ids"/> due now in one transaction, in this order (each due a
    /// moment after the one before), and wakes the worker: a test schedules far ahead through the
    /// chat and then decides when the message falls due, instead of racing a due time a few seconds
    /// ahead (ADR 0704).
    /// </summary>
    /// <returns>The time the first row is now due at.</returns>
    public async Task<Instant> MakeDueAsync(params Guid[] ids)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        await Database.ExecuteBatchAsync(
            "UPDATE scheduled_messages SET scheduled_time = $1 WHERE id = $2",
            ids.Select((id, i) => new object?[] { now - Duration.FromMilliseconds(ids.Length - i), id }));
        await Database.ExecuteAsync("SELECT pg_notify($1, '')", PostgreSqlDispatchNotifications.Channel);
        return now - Duration.FromMilliseconds(ids.Length);
    }

    /// <summary>The id a /schedule reply shows ("ID: ..."), which must be a full GUID.</summary>
    public static Guid IdIn(SentMessage reply)
    {
        var match = IdLine().Match(reply.Text);
        Assert.True(match.Success, $"The reply shows no full id:\n{reply.Text}");
        return Guid.Parse(match.Groups["id"].Value);
    }

    [GeneratedRegex(@"ID: (?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex IdLine();
}
