using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScheduledMessages.Integration.Telegram;

/// <summary>
/// A Telegram Bot API server on loopback for tests: a real HTTP server speaking the Bot API's wire
/// format (<c>/bot{token}/{method}</c>, JSON or form bodies, <c>{"ok":...}</c> answers), with long
/// polling, recorded sends, Telegram's sending limits and failures on demand.
/// </summary>
public sealed partial class BotApiDouble : IAsyncDisposable
{
    /// <summary>The token the double accepts unless told otherwise; any other gets 401.</summary>
    public const string DefaultToken = "123456789:AAE-test_token-for-the-bot-api-double";

    public const long BotId = 123456789;

    public const string BotUsername = "scheduled_test_bot";

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holdAfter = int.MaxValue;
    private int _sendsAdmitted;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly WebApplication _app;
    private readonly List<JsonObject> _pendingUpdates = [];
    private readonly List<JsonObject> _servedAgain = [];
    private readonly Dictionary<long, int> _lastMessageIdPerChat = [];
    private readonly Dictionary<(long ChatId, int MessageId), (string Text, string? Markup)> _botMessages = [];
    private readonly HashSet<string> _openCallbackQueries = [];
    private readonly Dictionary<long, List<long>> _administrators = [];
    private readonly Dictionary<string, List<BotCommandEntry>> _commands = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<MessageEdit> _edits = [];
    private readonly List<DeletedMessage> _deleted = [];
    private readonly List<AnsweredCallback> _answered = [];
    private readonly List<ApiCall> _calls = [];
    private readonly List<FaultRule> _faults = [];
    private readonly SendLimitLedger _ledger = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _nextUpdateId = 100_000;
    private long _pollGeneration;
    private int _waitingPolls;
    private int _nextCallbackQueryId = 1;
    private int _tooManyRequests;
    private int _limitRejections;
    private BotApiLimits _limits;
    private string? _webhookUrl;
    private string? _webhookSecret;

    private BotApiDouble(WebApplication app, string token, BotApiLimits limits, TimeProvider time)
    {
        _app = app;
        Token = token;
        _limits = limits;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>The bot token the double accepts.</summary>
    public string Token { get; }

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234, for TelegramBotClientOptions' baseUrl.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The limits enforced on sendMessage; switch them at any time.</summary>
    public BotApiLimits Limits
    {
        get { lock (_gate) { return _limits; } }
        set { lock (_gate) { _limits = value; _ledger.Clear(); } }
    }

    /// <summary>Starts a double on 127.0.0.1 with a free port.</summary>
    public static async Task<BotApiDouble> StartAsync(
        BotApiLimits? limits = null,
        string token = DefaultToken,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new BotApiDouble(app, token, limits ?? BotApiLimits.Telegram, time ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    /// <summary>Queues a text message from a user (private chats have ids &gt; 0, groups &lt; 0); returns its message_id.</summary>
    public int EnqueueMessage(long chatId, string text, long? fromUserId = null, string firstName = "Tester")
    {
        lock (_gate)
        {
            var update = NewMessageUpdate(chatId, text, fromUserId ?? DefaultUser(chatId), firstName);
            _pendingUpdates.Add(update);
            Signal();
            return update["message"]!["message_id"]!.GetValue<int>();
        }
    }

    /// <summary>
    /// Builds a message update (with a fresh update_id and message_id) without queueing it, e.g. to
    /// POST it to the bot's webhook.
    /// </summary>
    public JsonObject CreateMessageUpdate(long chatId, string text, long? fromUserId = null, string firstName = "Tester")
    {
        lock (_gate)
        {
            return NewMessageUpdate(chatId, text, fromUserId ?? DefaultUser(chatId), firstName);
        }
    }

    /// <summary>
    /// Queues a text message sent on behalf of a chat (Telegram's sender_chat): the group itself for an
    /// anonymous administrator (from GroupAnonymousBot, 1087968824), or a channel (from 136817688 or
    /// 777000). Returns its message_id.
    /// </summary>
    public int EnqueueMessageOnBehalfOf(long chatId, string text, long senderChatId, long fromUserId)
    {
        lock (_gate)
        {
            var update = NewMessageUpdate(chatId, text, fromUserId, "Group");
            var sender = ChatJson(senderChatId);
            if (senderChatId != chatId)
            {
                sender["type"] = "channel";
            }

            update["message"]!["sender_chat"] = sender;
            _pendingUpdates.Add(update);
            Signal();
            return update["message"]!["message_id"]!.GetValue<int>();
        }
    }

    /// <summary>Queues an update built beforehand (<see cref="CreateMessageUpdate"/>), so the test knows its update_id.</summary>
    public void EnqueueUpdate(JsonObject update)
    {
        lock (_gate)
        {
            _pendingUpdates.Add((JsonObject)update.DeepClone());
            Signal();
        }
    }

    /// <summary>
    /// Serves <paramref name="update"/> once more with the next getUpdates answer, whatever offset
    /// that call confirms: Telegram delivers at least once (an answer lost on the way is sent again).
    /// </summary>
    public void ServeAgain(JsonObject update)
    {
        lock (_gate)
        {
            _servedAgain.Add((JsonObject)update.DeepClone());
            Signal();
        }
    }

    /// <summary>Updates given to <see cref="ServeAgain"/> and not yet served.</summary>
    public int ServeAgainCount
    {
        get { lock (_gate) { return _servedAgain.Count; } }
    }

    /// <summary>Queues a press of an inline button under the bot's message; returns the callback query id.</summary>
    public string EnqueueCallbackQuery(long chatId, int messageId, string data, long? fromUserId = null, string firstName = "Tester")
    {
        lock (_gate)
        {
            var id = $"cbq-{_nextCallbackQueryId++}";
            var userId = fromUserId ?? DefaultUser(chatId);
            var message = _botMessages.TryGetValue((chatId, messageId), out var shown)
                ? MessageJson(chatId, messageId, BotUserJson(), shown.Text, shown.Markup)
                : MessageJson(chatId, messageId, BotUserJson(), string.Empty, null);
            _pendingUpdates.Add(new JsonObject
            {
                ["update_id"] = _nextUpdateId++,
                ["callback_query"] = new JsonObject
                {
                    ["id"] = id,
                    ["from"] = UserJson(userId, firstName),
                    ["message"] = message,
                    ["chat_instance"] = $"ci{chatId}",
                    ["data"] = data,
                },
            });
            _openCallbackQueries.Add(id);
            Signal();
            return id;
        }
    }

    /// <summary>Updates queued and not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdateCount
    {
        get { lock (_gate) { return _pendingUpdates.Count; } }
    }

    /// <summary>getUpdates calls waiting right now for an update (long polling).</summary>
    public int WaitingPollCount
    {
        get { lock (_gate) { return _waitingPolls; } }
    }

    /// <summary>Every message sent so far, in order.</summary>
    public IReadOnlyList<SentMessage> SentMessages
    {
        get { lock (_gate) { return [.. _sent]; } }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId)
    {
        lock (_gate)
        {
            return [.. _sent.Where(m => m.ChatId == chatId)];
        }
    }

    public IReadOnlyList<MessageEdit> Edits
    {
        get { lock (_gate) { return [.. _edits]; } }
    }

    public IReadOnlyList<DeletedMessage> DeletedMessages
    {
        get { lock (_gate) { return [.. _deleted]; } }
    }

    public IReadOnlyList<AnsweredCallback> AnsweredCallbacks
    {
        get { lock (_gate) { return [.. _answered]; } }
    }

    /// <summary>Every request answered (including refused ones), in order.</summary>
    public IReadOnlyList<ApiCall> Calls
    {
        get { lock (_gate) { return [.. _calls]; } }
    }

    /// <summary>The commands of the default scope and no language, as last set with setMyCommands.</summary>
    public IReadOnlyList<BotCommandEntry> Commands => CommandsFor("default");

    /// <summary>The commands set for a scope type ("default", "all_group_chats", ...) and language.</summary>
    public IReadOnlyList<BotCommandEntry> CommandsFor(string scopeType, string? languageCode = null)
    {
        lock (_gate)
        {
            return _commands.TryGetValue(CommandsKey(scopeType, languageCode), out var list) ? [.. list] : [];
        }
    }

    /// <summary>All 429 answers, from limits and from injected faults.</summary>
    public int TooManyRequestsCount
    {
        get { lock (_gate) { return _tooManyRequests; } }
    }

    /// <summary>The 429 answers caused by the enforced limits only.</summary>
    public int LimitRejectionCount
    {
        get { lock (_gate) { return _limitRejections; } }
    }

    public string? WebhookUrl
    {
        get { lock (_gate) { return _webhookUrl; } }
    }

    public string? WebhookSecret
    {
        get { lock (_gate) { return _webhookSecret; } }
    }

    /// <summary>Makes these users the chat's administrators (the first is its creator) for getChatMember/getChatAdministrators.</summary>
    public void SetAdministrators(long chatId, params long[] userIds)
    {
        lock (_gate)
        {
            _administrators[chatId] = [.. userIds];
        }
    }

    /// <summary>
    /// Answers the next <paramref name="times"/> calls of <paramref name="method"/> (null: any
    /// method) to <paramref name="chatId"/> (null: any chat) with <paramref name="fault"/>.
    /// </summary>
    public void InjectFault(BotApiFault fault, int times = 1, long? chatId = null, string? method = "sendMessage")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _faults.Add(new FaultRule(fault, chatId, method, times));
        }
    }

    /// <summary>Answers every matching call with <paramref name="fault"/> until <see cref="ClearFaults"/>.</summary>
    public void InjectPermanentFault(BotApiFault fault, long? chatId = null, string? method = "sendMessage") =>
        InjectFault(fault, int.MaxValue, chatId, method);

    /// <summary>
    /// Lets the next <paramref name="count"/> sendMessage calls through and holds every later one
    /// unanswered until <see cref="ReleaseHeldSends"/> (or the client gives up): a test can stop a bot
    /// at an exact point of a drain, however fast or slow the machine is.
    /// </summary>
    public void HoldSendsAfter(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Volatile.Write(ref _holdAfter, count);
    }

    /// <summary>Answers the held sendMessage calls and holds no more.</summary>
    public void ReleaseHeldSends()
    {
        Volatile.Write(ref _holdAfter, int.MaxValue);
        _released.TrySetResult();
    }

    /// <summary>Waits, when <see cref="HoldSendsAfter"/> says so, until the sends are released; false when the client gave up.</summary>
    private async Task<bool> PassHoldAsync(string method, CancellationToken aborted)
    {
        if (!string.Equals(method, "sendMessage", StringComparison.OrdinalIgnoreCase)
            || Interlocked.Increment(ref _sendsAdmitted) <= Volatile.Read(ref _holdAfter))
        {
            return true;
        }

        try
        {
            await _released.Task.WaitAsync(aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> over the sent messages holds; TimeoutException names what was sent.</summary>
    public async Task<IReadOnlyList<SentMessage>> WaitForSentAsync(
        Func<IReadOnlyList<SentMessage>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await WaitUntilAsync(d => condition(d.SentMessages), timeout, cancellationToken);
        return SentMessages;
    }

    /// <summary>Waits for a message to <paramref name="chatId"/> matching <paramref name="match"/> (any when null).</summary>
    public async Task<SentMessage> WaitForMessageAsync(
        long chatId, Func<SentMessage, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        SentMessage? found = null;
        await WaitUntilAsync(
            d => (found = d.SentTo(chatId).FirstOrDefault(m => match?.Invoke(m) ?? true)) is not null,
            timeout ?? TimeSpan.FromSeconds(60),
            cancellationToken);
        return found!;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking at every change of the double's state.</summary>
    public async Task WaitUntilAsync(Func<BotApiDouble, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = _time.GetTimestamp() + (long)(timeout.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            var left = TimeSpan.FromSeconds((deadline - _time.GetTimestamp()) / (double)_time.TimestampFrequency);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"The condition did not hold within {timeout}. Sent so far: " +
                    string.Join(" | ", SentMessages.Select(m => $"{m.ChatId}: {m.Text}")));
            }

            try
            {
                await changed.WaitAsync(left, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Checked once more above, then reported.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes long polls and waiters; call under the lock.</summary>
    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static long DefaultUser(long chatId) => chatId > 0 ? chatId : 1_000 + Math.Abs(chatId % 1_000_000);

    private static string CommandsKey(string scopeType, string? languageCode) => $"{scopeType}|{languageCode}";

    private TimeSpan Elapsed => _time.GetElapsedTime(_started);

    private DateTimeOffset Now => _time.GetUtcNow();

    private sealed record FaultRule(BotApiFault Fault, long? ChatId, string? Method, int Times)
    {
        public int Remaining { get; set; } = Times;
    }
}
