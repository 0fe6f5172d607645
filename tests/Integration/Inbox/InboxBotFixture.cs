using Microsoft.Extensions.DependencyInjection;
using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Integration.EndToEnd;

namespace ScheduledMessages.Integration.Inbox;

/// <summary>
/// The bot in webhook mode with database faults on demand (<see cref="Faults"/>) and retries that
/// wait an hour: a test that sees an update fail decides itself when its retry falls due
/// (<see cref="MakeRetryDueAsync"/>), instead of racing a short backoff (ADR 0704).
/// </summary>
public sealed class InboxBotFixture : BotFixture
{
    public ScheduledInsertFaults Faults { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Telegram:Mode", "Webhook"),
        new("Telegram:WebhookUrl", WebhookBotFixture.WebhookUrl),
        new("Telegram:WebhookSecret", WebhookBotFixture.Secret),
        new("Inbox:MaxAttempts", "2"),
        new("Inbox:RetryBaseDelay", "01:00:00"),
        new("Inbox:RetryMaxDelay", "02:00:00"),
        new("Inbox:PollInterval", "00:00:00.200"),
    ];

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<SchedulerDbContext>(options => options.AddInterceptors(Faults));

    /// <summary>The inbox row of <paramref name="updateId"/> (status, attempts, last_error, ...), or null.</summary>
    public async Task<IReadOnlyDictionary<string, object?>?> InboxRowAsync(long updateId) =>
        (await Database.QueryAsync(
            "SELECT update_id, chat_id, status, attempts, last_error, finished_at, next_attempt_at > now() AS waiting FROM inbound_updates WHERE update_id = $1",
            updateId)).SingleOrDefault();

    /// <summary>Waits (re-reading the database) until the inbox row of <paramref name="updateId"/> satisfies <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyDictionary<string, object?>> WaitForInboxRowAsync(long updateId, Func<IReadOnlyDictionary<string, object?>, bool> condition)
    {
        using var deadline = new CancellationTokenSource(ReplyTimeout);
        while (true)
        {
            var row = await InboxRowAsync(updateId);
            if (row is not null && condition(row))
            {
                return row;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Inbox row {updateId} did not reach the expected state; it is {(row is null ? "missing" : string.Join(", ", row.Select(c => $"{c.Key}={c.Value}")))}.");
            }
        }
    }

    /// <summary>Makes the waiting retry of <paramref name="updateId"/> due now (by the database's clock).</summary>
    public Task MakeRetryDueAsync(long updateId) =>
        Database.ExecuteAsync("UPDATE inbound_updates SET next_attempt_at = now() WHERE update_id = $1", updateId);
}
