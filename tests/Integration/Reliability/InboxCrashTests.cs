using System.Net;
using Npgsql;
using ScheduledMessages.Integration.Fixtures;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// A bot process killed with SIGKILL in the middle of a 20-line /schedule (ten lines written in
/// the update's open transaction, the eleventh on its way), then started again: the update is taken
/// up again from the inbox and each schedule is stored exactly once.
/// </summary>
public sealed class InboxCrashTests : IAsyncLifetime
{
    private const string Secret = "inbox-crash-secret";
    private const long HoldKey = 8_011_011;

    private readonly PostgresFixture _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Killed_in_the_middle_of_a_20_line_schedule_and_restarted_each_schedule_is_stored_exactly_once()
    {
        await using var api = await BotApiDouble.StartAsync(BotApiLimits.Off);
        var settings = BotProcess.Settings(api, _database.ConnectionString, [
            new("Telegram:Mode", "Webhook"),
            new("Telegram:WebhookUrl", "https://bot.example.test/telegram/webhook"),
            new("Telegram:WebhookSecret", Secret),
            new("Inbox:LeaseDuration", "00:00:02"),
        ]);
        const long chat = 8_400_001;
        const string marker = "crash-line-";

        // The eleventh line's insert waits for a lock this test holds, so the kill comes at that exact
        // point however fast or slow the machine is: ten lines written, the transaction still open.
        await _database.ExecuteAsync($"""
            CREATE FUNCTION hold_eleventh_line() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock({HoldKey});
                RETURN NEW;
            END $$;
            CREATE TRIGGER hold_eleventh_line BEFORE INSERT ON scheduled_messages
                FOR EACH ROW WHEN (NEW.message_content = '{marker}11') EXECUTE FUNCTION hold_eleventh_line();
            """);
        await using var holder = new NpgsqlConnection(_database.ConnectionString);
        await holder.OpenAsync();
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({HoldKey})");

        var update = api.CreateMessageUpdate(chat, "/schedule\n" + string.Join('\n', Enumerable.Range(1, 20).Select(i => $"daily 09:{i:00} {marker}{i:00}")));
        await using (var first = BotProcess.Start("bot-1", settings))
        {
            await first.WaitUntilReadyAsync();
            using (var response = await first.PostUpdateAsync(update.ToJsonString(), Secret))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await Eventually.HoldsAsync(
                async () => await WaitingForHoldAsync(holder),
                BotProcess.StartTimeout,
                () => $"bot-1 never reached the eleventh line. Output:\n{first.Tail()}");
            await first.KillAsync();
        }

        // The dead process's transaction ends (rolled back) once its statement may go on.
        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({HoldKey})");
        await _database.ExecuteAsync("DROP TRIGGER hold_eleventh_line ON scheduled_messages");
        Assert.Empty(api.SentTo(chat));

        await using (var second = BotProcess.Start("bot-2", settings))
        {
            await Eventually.HoldsAsync(
                () => api.SentTo(chat).Count > 0,
                TimeSpan.FromSeconds(120),
                () => $"No reply after the restart. bot-2 output:\n{second.Tail()}");
        }

        var reply = Assert.Single(api.SentTo(chat));
        Assert.StartsWith("Scheduled 20 of 20:", reply.Text, StringComparison.Ordinal);
        var contents = (await _database.QueryAsync("SELECT message_content FROM scheduled_messages WHERE chat_id = $1", chat))
            .Select(r => (string)r["message_content"]!)
            .ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{marker}{i:00}").Order(), contents.Order());
        var inbox = Assert.Single(await _database.QueryAsync("SELECT status, attempts FROM inbound_updates WHERE chat_id = $1", chat));
        // The killed attempt counts; on a loaded machine the restarted one may need more than one try
        // (a lease running out mid-way), which changes nothing stored: the count above is the point.
        Assert.Equal("done", (string)inbox["status"]!);
        Assert.InRange((int)inbox["attempts"]!, 2, 10);
    }

    private static async Task<bool> WaitingForHoldAsync(NpgsqlConnection holder)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", holder);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
