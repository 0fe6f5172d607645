using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using ScheduledMessages.Bot.Composition;
using ScheduledMessages.Bot.Worker;
using ScheduledMessages.Infrastructure.Telegram;
using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Persistence;

/// <summary>
/// The instances alive share Telegram's global limit (ADR 0805): each keeps a heartbeat row in
/// <c>scheduler_instances</c>, and each heartbeat gives its limiter GlobalLimit / alive. One
/// contract, run against both stores.
/// </summary>
public abstract class InstanceHeartbeatTests : IAsyncLifetime
{
    private readonly TestStore _db;

    protected InstanceHeartbeatTests(TestStore db) => _db = db;

    public Task InitializeAsync() => _db.ExecuteAsync("DELETE FROM scheduler_instances");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_instances_alive_get_15_each_and_when_one_stops_the_other_gets_30_again()
    {
        await using var services = Services();
        using var limiterA = Limiter();
        using var limiterB = Limiter();
        var a = Heartbeat(services, limiterA);
        var b = Heartbeat(services, limiterB);

        await a.BeatAsync(CancellationToken.None);
        Assert.Equal(2, await b.BeatAsync(CancellationToken.None));
        Assert.Equal(2, await a.BeatAsync(CancellationToken.None));
        Assert.Equal((15, 15), (limiterA.GlobalShare, limiterB.GlobalShare));

        await b.StopAsync(CancellationToken.None);

        Assert.Equal(1, await a.BeatAsync(CancellationToken.None));
        Assert.Equal(30, limiterA.GlobalShare);
        Assert.Equal([a.InstanceId], await InstanceIdsAsync());
    }

    [Fact]
    public async Task An_instance_silent_past_the_expiry_stops_counting_and_its_row_is_deleted()
    {
        await using var services = Services();
        using var limiterA = Limiter();
        using var limiterB = Limiter();
        var a = Heartbeat(services, limiterA);
        var b = Heartbeat(services, limiterB);
        await a.BeatAsync(CancellationToken.None);
        await b.BeatAsync(CancellationToken.None);
        Assert.Equal(2, await a.BeatAsync(CancellationToken.None));

        // b dies without a word: its last heartbeat grows old.
        await _db.ExecuteAsync("UPDATE scheduler_instances SET last_heartbeat_at = $1 WHERE id = $2", Instant.FromUtc(2000, 1, 1, 0, 0), b.InstanceId);

        Assert.Equal(1, await a.BeatAsync(CancellationToken.None));
        Assert.Equal(30, limiterA.GlobalShare);
        Assert.Equal([a.InstanceId], await InstanceIdsAsync());
    }

    [Fact]
    public async Task A_heartbeat_keeps_the_start_and_moves_the_last_heartbeat_on()
    {
        await using var services = Services();
        var a = Heartbeat(services, limiter: null);
        await a.BeatAsync(CancellationToken.None);
        var first = (await _db.QueryAsync("SELECT started_at, last_heartbeat_at FROM scheduler_instances"))[0];
        await Task.Delay(TimeSpan.FromMilliseconds(20));

        await a.BeatAsync(CancellationToken.None);

        var second = (await _db.QueryAsync("SELECT started_at, last_heartbeat_at FROM scheduler_instances"))[0];
        Assert.Equal(first["started_at"], second["started_at"]);
        Assert.True(Comparer<object>.Default.Compare(second["last_heartbeat_at"]!, first["last_heartbeat_at"]!) > 0);
    }

    private static TelegramSendLimiter Limiter() => new(Options.Create(new TelegramLimitsOptions()));

    private static InstanceHeartbeatService Heartbeat(IServiceProvider services, TelegramSendLimiter? limiter) =>
        limiter is null
            ? ActivatorUtilities.CreateInstance<InstanceHeartbeatService>(services)
            : ActivatorUtilities.CreateInstance<InstanceHeartbeatService>(services, limiter);

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_db.Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddScheduler(configuration);
        services.AddInstanceHeartbeat();
        return services.BuildServiceProvider();
    }

    private async Task<IReadOnlyList<string>> InstanceIdsAsync() =>
        [.. (await _db.QueryAsync("SELECT id FROM scheduler_instances")).Select(r => (string)r["id"]!)];
}
