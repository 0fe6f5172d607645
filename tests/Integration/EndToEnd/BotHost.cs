using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScheduledMessages.Bot.Hosting;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// The real bot host (<see cref="BotApplication.Build"/>, as <c>Program</c> runs it) on a free
/// loopback port, configured only through in-memory configuration: the Bot API double's token and
/// address, a test database, and whatever a test class adds. It reads the real clock.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, CapturedLogs logs, Uri baseAddress)
    {
        _app = app;
        Logs = logs;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Where the host listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's services, for checks that compare what it was built from with what it did.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A client for the host's own endpoints (health, webhook).</summary>
    public HttpClient Http { get; }

    /// <summary>Everything the host logged, for diagnostics and for checks that secrets stay out of logs.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The settings every end-to-end host gets; <paramref name="overrides"/> win.</summary>
    public static Dictionary<string, string?> Settings(BotApiDouble api, string connectionString, IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Telegram:BotToken"] = api.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["ConnectionStrings:Scheduler"] = connectionString,
            ["Scheduler:PollInterval"] = "00:00:01",

            // These tests send dozens of commands a minute from one chat on purpose; the throttle has its own tests (Reliability).
            ["Access:CommandsPerMinute"] = "0",
            ["Access:ChatCommandsPerMinute"] = "0",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// Builds and starts the host; it is ready to be talked to when this returns.
    /// <paramref name="services"/> may add to the host's services (e.g. a database fault to inject).
    /// </summary>
    public static async Task<BotHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturedLogs();
        var app = BotApplication.Build([], builder =>
        {
            services?.Invoke(builder.Services);
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        return new BotHost(app, logs, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Logs.Dispose();
    }
}
