using ScheduledMessages.Integration.Fixtures;
using ScheduledMessages.Integration.Telegram;
using Xunit.Abstractions;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// A bot process (long polling) whose Bot API misbehaves: a burst of 5xx and 401 answers, 429 with
/// retry_after, a request slower than Telegram:RequestTimeout, and one chat that blocked the bot.
/// Retries wait at least the backoff (2 s doubling here), the blocked chat is tried once, every other
/// message arrives exactly once, and the token shows up in no log line and no stored error.
/// </summary>
public sealed class BotApiFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Others = 200;
    private const int ServerErrorBurst = 20;
    private const int UnauthorizedBurst = 5;
    private const int RetryAfterSeconds = 3;
    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Long enough that no ordinary send on a busy machine runs into it: a send abandoned after the
    /// double took it is sent again, which would read as a duplicate.
    /// </summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The double logs a call before answering it and the bot reads its clock after the answer, so a
    /// gap is never shorter than its wait; this only absorbs the two clocks' rounding.
    /// </summary>
    private static readonly TimeSpan Clocks = TimeSpan.FromMilliseconds(100);

    private readonly PostgresFixture _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Under_5xx_429_timeouts_and_a_blocked_chat_every_other_message_arrives_once_retries_follow_the_backoff_and_the_blocked_chat_is_tried_once()
    {
        const long firstOther = 8_400_000, backoffChat = 8_499_001, blockedChat = 8_499_002, slowChat = 8_499_003, limitedChat = 8_499_004;
        await using var api = await BotApiDouble.StartAsync(BotApiLimits.Off);

        // Polling meets a 401 and a 502 first (errors whose text is logged), and the first sends meet a burst.
        api.InjectFault(BotApiFault.Error(401, "Unauthorized"), 1, method: "getUpdates");
        api.InjectFault(BotApiFault.ServerError(502), 1, method: "getUpdates");
        api.InjectFault(BotApiFault.ServerError(502), ServerErrorBurst);
        api.InjectFault(BotApiFault.Error(401, "Unauthorized"), UnauthorizedBurst);
        await Rows.InsertAsync(_database.ConnectionString, Others, "other-", firstOther, chats: 20);

        await using var bot = BotProcess.Start("bot", BotProcess.Settings(api, _database.ConnectionString, [
            new("Scheduler:RetryBaseDelay", RetryBaseDelay.ToString("c")),
            new("Scheduler:MaxAttempts", "3"),
            new("Scheduler:LeaseDuration", "00:00:30"),
            new("Telegram:RequestTimeout", RequestTimeout.ToString("c")),
            new("Logging:LogLevel:Default", "Debug"),
            new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information"),
            new("Logging:LogLevel:System.Net.Http.HttpClient", "Trace"),
        ]));
        await Eventually.HoldsAsync(
            () => SendCalls(api).Count(c => c.StatusCode is 502 or 401) >= ServerErrorBurst + UnauthorizedBurst,
            BotProcess.StartTimeout,
            () => $"The burst was not met. Output:\n{bot.Tail()}");

        // Each special chat's faults come after the burst is used up, so they meet only their own.
        api.InjectFault(BotApiFault.ServerError(500), 3, backoffChat);
        api.InjectPermanentFault(BotApiFault.BotBlocked, blockedChat);
        api.InjectFault(BotApiFault.Delay(RequestTimeout * 3), 1, slowChat);
        api.InjectFault(BotApiFault.TooManyRequests(RetryAfterSeconds), 1, limitedChat);
        foreach (var (chat, text) in new[] { (backoffChat, "backoff"), (blockedChat, "blocked"), (slowChat, "slow"), (limitedChat, "limited") })
        {
            await Rows.InsertAsync(_database.ConnectionString, 1, text, chat, chats: 1);
        }

        IReadOnlyDictionary<string, long> counts = new Dictionary<string, long>();
        await Eventually.HoldsAsync(
            async () =>
            {
                counts = await Rows.CountByStatusAsync(_database.ConnectionString, string.Empty);
                return counts.GetValueOrDefault("sent") == Others + 3 && counts.GetValueOrDefault("failed") == 1;
            },
            TimeSpan.FromSeconds(120),
            () => $"Not settled: {string.Join(", ", counts)}. Output:\n{bot.Tail()}");

        var others = api.SentMessages.Where(m => m.Text.StartsWith("other-", StringComparison.Ordinal)).Select(m => m.Text).ToList();
        var backoffGaps = Gaps(api, backoffChat);
        var limitedGaps = Gaps(api, limitedChat);
        output.WriteLine($"others: {others.Count} sends, {others.Distinct().Count()} distinct after {ServerErrorBurst} x 502 and {UnauthorizedBurst} x 401");
        output.WriteLine($"backoff chat: statuses {string.Join(", ", SendCalls(api, backoffChat).Select(c => c.StatusCode))}, gaps {string.Join(", ", backoffGaps.Select(g => $"{g.TotalSeconds:0.00} s"))} (backoff {RetryBaseDelay.TotalSeconds:0} s doubling)");
        output.WriteLine($"429 chat: statuses {string.Join(", ", SendCalls(api, limitedChat).Select(c => c.StatusCode))}, gap {string.Join(", ", limitedGaps.Select(g => $"{g.TotalSeconds:0.00} s"))} (retry_after {RetryAfterSeconds} s)");
        output.WriteLine($"blocked chat: statuses {string.Join(", ", SendCalls(api, blockedChat).Select(c => c.StatusCode))}");

        // Every other message exactly once: a 5xx or 401 means Telegram did not take it.
        Assert.Equal(Others, others.Count);
        Assert.Equal(Others, others.Distinct().Count());

        // 5xx: retried no sooner than 2, 4, 8 s after each failure, then delivered. How much later is the
        // machine's business: the exact doubling is the dispatch's own test, on the fake clock.
        Assert.Equal([500, 500, 500, 200], SendCalls(api, backoffChat).Select(c => c.StatusCode));
        for (var k = 0; k < 3; k++)
        {
            var backoff = RetryBaseDelay * Math.Pow(2, k);
            Assert.True(backoffGaps[k] >= backoff - Clocks, $"Retry {k + 1} came {backoffGaps[k]} after the failure, before its backoff of {backoff}.");
        }

        var backoffRow = await Rows.ReadAsync(_database.ConnectionString, "backoff1");
        Assert.Equal(("sent", 3), (backoffRow.Status, backoffRow.Attempts));

        // 403: one attempt, failed at once, never retried.
        Assert.Equal([403], SendCalls(api, blockedChat).Select(c => c.StatusCode));
        Assert.Empty(api.SentTo(blockedChat));
        var blockedRow = await Rows.ReadAsync(_database.ConnectionString, "blocked1");
        Assert.Equal(("failed", 1), (blockedRow.Status, blockedRow.Attempts));
        Assert.Contains("\"blocked\"", blockedRow.Metadata, StringComparison.Ordinal);

        // Timeout: the slow request is abandoned (a transient failure) and the retry delivers it once.
        Assert.Single(api.SentTo(slowChat));
        var slowRow = await Rows.ReadAsync(_database.ConnectionString, "slow1");
        Assert.Equal(("sent", 1), (slowRow.Status, slowRow.Attempts));
        Assert.Contains("\"timeout\"", slowRow.Metadata, StringComparison.Ordinal);

        // 429: waited out for retry_after, and not counted as an attempt.
        Assert.Equal([429, 200], SendCalls(api, limitedChat).Select(c => c.StatusCode));
        Assert.True(limitedGaps[0] >= TimeSpan.FromSeconds(RetryAfterSeconds) - Clocks, $"Resent {limitedGaps[0]} after a 429 with retry_after {RetryAfterSeconds}.");
        var limitedRow = await Rows.ReadAsync(_database.ConnectionString, "limited1");
        Assert.Equal(("sent", 0), (limitedRow.Status, limitedRow.Attempts));

        // Plain text only, and the token in no log line (Debug level, failures included) and no stored error.
        Assert.All(api.SentMessages, m => Assert.Null(m.ParseMode));
        Assert.Contains("Unauthorized", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Token, bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Token.Split(':')[1], bot.Output, StringComparison.Ordinal);
        Assert.All(await Rows.AllMetadataAsync(_database.ConnectionString), m => Assert.DoesNotContain(api.Token.Split(':')[1], m, StringComparison.Ordinal));
    }

    private static List<ApiCall> SendCalls(BotApiDouble api, long? chat = null) =>
        [.. api.Calls.Where(c => c.Method == "sendMessage" && (chat is null || c.ChatId == chat))];

    private static List<TimeSpan> Gaps(BotApiDouble api, long chat)
    {
        var times = SendCalls(api, chat).Select(c => c.At).ToList();
        return [.. times.Zip(times.Skip(1), (a, b) => b - a)];
    }
}
