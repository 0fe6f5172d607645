namespace ScheduledMessages.Bot.Hosting;

/// <summary>Prints the start-up banner once the host has started, before the console chat reads input.</summary>
public sealed class StartupBannerService(IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        System.Console.Out.WriteLine(StartupBanner.Text(BotApplication.TransportFrom(configuration), configuration, StoreDescription()));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string StoreDescription() =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("Scheduler"))
            ? "embedded SQLite file"
            : "PostgreSQL (ConnectionStrings:Scheduler)";
}
