using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ScheduledMessages.Bot.Access;
using ScheduledMessages.Bot.Composition;
using ScheduledMessages.Bot.Telegram;
using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Bot.Hosting;

/// <summary>Builds the bot's host; <c>Program</c> runs it and the end-to-end tests start it as it is.</summary>
public static class BotApplication
{
    /// <summary>
    /// The transport in <paramref name="configuration"/>: <c>Transport</c> when set (the host sets it
    /// from its <see cref="StartupPlan"/>), else Telegram when a token is configured, else the console.
    /// </summary>
    public static Transport TransportFrom(IConfiguration configuration) =>
        Enum.TryParse<Transport>(configuration[StartupDecision.TransportKey], ignoreCase: true, out var transport) && Enum.IsDefined(transport)
            ? transport
            : string.IsNullOrWhiteSpace(configuration[StartupDecision.TokenKey])
                ? Transport.Console
                : Transport.Telegram;

    public static bool UsesWebhook(IConfiguration configuration) =>
        configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>()?.Mode == TelegramMode.Webhook;

    /// <summary>
    /// Builds the host, or throws <see cref="StartupRefusedException"/> before anything is built when
    /// the environment and configuration do not say safely what to start (<see cref="StartupDecision"/>).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(StartupDecision.ConfigurationArguments(args));
        configure?.Invoke(builder);
        var plan = StartupDecision.Decide(builder.Environment.EnvironmentName, builder.Configuration, StartupDecision.AsksForConsole(args));
        var transport = plan.Transport;
        builder.Configuration.AddInMemoryCollection([new(StartupDecision.TransportKey, transport.ToString())]);
        builder.Services.AddSingleton(plan);
        if (transport == Transport.Console)
        {
            PrepareConsole(builder);
        }

        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHostedService<StartupBannerService>();
        builder.Services.AddScheduler(builder.Configuration);
        builder.Services.AddBot(builder.Configuration);
        builder.Services.AddAccess(builder.Configuration);
        builder.Services.AddHealthChecks().AddDbContextCheck<SchedulerDbContext>("database", tags: ["ready"]);

        var app = builder.Build();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        if (transport == Transport.Telegram && UsesWebhook(builder.Configuration))
        {
            app.MapTelegramWebhook();
        }

        return app;
    }

    /// <summary>
    /// The console is the chat, so logs go to standard error and only warnings show; times default
    /// to this machine's zone; commands are not throttled; the HTTP endpoints take a free loopback
    /// port unless urls are set.
    /// </summary>
    private static void PrepareConsole(WebApplicationBuilder builder)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        };
        if (builder.Configuration["Logging:LogLevel:Default"] is null or "Information")
        {
            defaults["Logging:LogLevel:Default"] = "Warning";
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration["Scheduler:DefaultTimeZone"]))
        {
            defaults["Scheduler:DefaultTimeZone"] = MachineZone.Get().Id;
        }

        // The console's one user is the person running the bot: a script piped in is not a flood.
        foreach (var key in new[] { "Access:CommandsPerMinute", "Access:ChatCommandsPerMinute" })
        {
            if (builder.Configuration[key] is null)
            {
                defaults[key] = "0";
            }
        }

        builder.Configuration.AddInMemoryCollection(defaults);
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
    }
}
