using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ScheduledMessages.Bot.Composition;
using ScheduledMessages.Bot.Telegram;
using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Bot.Hosting;

/// <summary>Builds the bot's host; <c>Program</c> runs it and the end-to-end tests start it as it is.</summary>
public static class BotApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddScheduler(builder.Configuration);
        builder.Services.AddBot(builder.Configuration);
        builder.Services.AddHealthChecks().AddDbContextCheck<SchedulerDbContext>("database", tags: ["ready"]);

        var app = builder.Build();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        if (builder.Configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>()?.Mode == TelegramMode.Webhook)
        {
            app.MapTelegramWebhook();
        }

        return app;
    }
}
