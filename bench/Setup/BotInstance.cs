using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using ScheduledMessages.Application.ScheduledMessages.Create;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Bench.Measuring;
using ScheduledMessages.Bench.Telegram;
using ScheduledMessages.Bot.Composition;
using ScheduledMessages.Bot.Worker;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Bench.Setup;

/// <summary>
/// One bot instance as the host composes it (the scheduler's services, the Telegram sender with its
/// limiter or an in-process one, the background workers), in its own container and generic host.
/// Several in one process behave as separate processes: nothing is shared but the database.
/// </summary>
public sealed class BotInstance : IAsyncDisposable
{
    private readonly IHost _host;

    private BotInstance(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <param name="settings">Configuration keys as the bot reads them (ConnectionStrings:Scheduler, Scheduler:*, Telegram:*).</param>
    /// <param name="role">Whether it dispatches or only schedules.</param>
    /// <param name="inProcessLog">Null: send over HTTP with the Telegram sender; else an in-process sender logging here.</param>
    public static async Task<BotInstance> StartAsync(IDictionary<string, string?> settings, InstanceRole role, DeliveryLog? inProcessLog)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddScheduler(builder.Configuration);
        if (inProcessLog is null)
        {
            builder.Services.AddTelegram(builder.Configuration);
        }
        else
        {
            builder.Services.AddSingleton<IMessageSender>(new LoggingMessageSender(inProcessLog));
        }

        if (role == InstanceRole.Dispatcher)
        {
            builder.Services.AddDispatchWorkers();
        }
        else
        {
            builder.Services.AddHostedService<DispatchNotificationsService>();
        }

        var host = builder.Build();
        await host.StartAsync();
        return new BotInstance(host);
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>Schedules a one-time message through the real use case (its NOTIFY wakes the dispatchers), due at <paramref name="due"/>.</summary>
    public async Task ScheduleOnceAsync(long chatId, string text, DateTimeOffset due)
    {
        var at = Instant.FromDateTimeOffset(due).InUtc().LocalDateTime;
        var result = await SendAsync(new CreateScheduledMessage(chatId, null, text, Recurrence.OneTime, at));
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Scheduling failed: {result}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
