using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Bot.Composition;

namespace ScheduledMessages.Integration.Fixtures;

/// <summary>
/// The container the bot builds (<see cref="SchedulerServiceCollectionExtensions.AddScheduler"/>),
/// pointed at a test database, with a fake clock and a recording sender. Each call runs in its own scope.
/// How fast the machine is does not matter: time moves only when the test moves the clock. The fake
/// clock stands in for the database's too (dispatch decides by <see cref="IDispatchClock"/>), unless
/// <c>useDatabaseClock</c> is set: then only the app's clock is fake, as in production.
/// </summary>
public sealed class SchedulerTestHost : IAsyncDisposable
{
    /// <summary>A container on the PostgreSQL database at <paramref name="connectionString"/>.</summary>
    public SchedulerTestHost(string connectionString, Instant now, Action<SchedulerOptions>? configure = null)
        : this(new Dictionary<string, string?> { ["ConnectionStrings:Scheduler"] = connectionString }, now, configure)
    {
    }

    /// <summary>A container on the fixture's database, whichever the provider.</summary>
    public SchedulerTestHost(TestStore store, Instant now, Action<SchedulerOptions>? configure = null, bool useDatabaseClock = false)
        : this(store.Settings, now, configure, useDatabaseClock)
    {
    }

    /// <summary>A container built from these configuration settings (which select the store).</summary>
    public SchedulerTestHost(IEnumerable<KeyValuePair<string, string?>> settings, Instant now, Action<SchedulerOptions>? configure = null, bool useDatabaseClock = false)
    {
        Clock = new FakeClock(now);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddScheduler(configuration);
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<IMessageSender>(Sender);
        if (!useDatabaseClock)
        {
            services.AddSingleton<IDispatchClock>(new FakeDispatchClock(Clock));
        }

        // The lane time budget is measured on the real clock: here it never runs out unless a test sets it.
        services.PostConfigure<SchedulerOptions>(o => o.LaneTimeBudget = TimeSpan.FromHours(1));
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }

        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeClock Clock { get; }

    public RecordingMessageSender Sender { get; } = new();

    public ServiceProvider Services { get; }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, cancellationToken);
    }

    /// <summary>One dispatch round as the worker runs it.</summary>
    public async Task<DispatchReport> DispatchAsync(string workerId = "worker-1", CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(new DispatchDueMessages(workerId), cancellationToken);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    /// <summary>The database's clock in tests: the fake clock, so a test moves both at once.</summary>
    private sealed class FakeDispatchClock(IClock clock) : IDispatchClock
    {
        public Task<IClock> StartRoundAsync(CancellationToken cancellationToken) => Task.FromResult(clock);
    }
}
