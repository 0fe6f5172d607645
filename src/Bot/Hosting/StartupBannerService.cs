using ScheduledMessages.Infrastructure.Persistence;

namespace ScheduledMessages.Bot.Hosting;

/// <summary>Prints the start-up banner once the host has started, before the console chat reads input.</summary>
public sealed class StartupBannerService(IConfiguration configuration, IHostEnvironment environment, StartupPlan plan, StoreInfo store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        System.Console.Out.WriteLine(StartupBanner.Text(plan, environment.EnvironmentName, configuration, store));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
