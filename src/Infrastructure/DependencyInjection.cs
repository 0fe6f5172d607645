using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Infrastructure.Persistence.Inbox;
using ScheduledMessages.Infrastructure.Persistence.Notifications;
using ScheduledMessages.Infrastructure.Persistence.Sqlite;

namespace ScheduledMessages.Infrastructure;

/// <summary>Registers the Infrastructure layer's persistence (Telegram registers itself separately).</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds the store: PostgreSQL when <c>ConnectionStrings:Scheduler</c> is set, else the embedded
    /// SQLite file at <c>Storage:SqlitePath</c> (default <see cref="SchedulerDatabase.DefaultSqlitePath"/>).
    /// Registers the scoped <see cref="SchedulerDbContext"/> (the SQLite one derives from it),
    /// <see cref="IScheduledMessageRepository"/> and <see cref="IDispatchStore"/> (both
    /// <see cref="ScheduledMessageRepository"/>, on the scope's context), <see cref="IChatSettingsStore"/>, the update inbox
    /// (<see cref="UpdateInbox"/>), and the singleton
    /// <see cref="StoreInfo"/> saying which store is in use. On PostgreSQL the dispatch signal also
    /// reaches the other instances: <see cref="PostgreSqlDispatchSignal"/> replaces the in-process one,
    /// and <see cref="PostgreSqlDispatchNotifications"/> (run by the host) carries it over LISTEN/NOTIFY.
    /// </summary>
    /// <exception cref="InvalidOperationException">A store setting is unusable; the message names the key.</exception>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var (store, connectionString) = SchedulerDatabase.SelectStore(configuration);
        services.AddSingleton(store);
        switch (store.Provider)
        {
            case StoreProvider.PostgreSql:
                services.AddDbContext<SchedulerDbContext>(options => SchedulerDatabase.Configure(options, connectionString));
                services.TryAddSingleton<PostgreSqlDispatchSignal>();
                services.Replace(ServiceDescriptor.Singleton<IDispatchSignal>(provider => provider.GetRequiredService<PostgreSqlDispatchSignal>()));
                services.TryAddSingleton(provider => new PostgreSqlDispatchNotifications(
                    connectionString,
                    provider.GetRequiredService<PostgreSqlDispatchSignal>(),
                    provider.GetRequiredService<ILogger<PostgreSqlDispatchNotifications>>()));
                break;
            case StoreProvider.Sqlite:
                services.AddDbContext<SchedulerDbContext, SqliteSchedulerDbContext>(options => SchedulerDatabase.ConfigureSqlite(options, connectionString));
                break;
        }

        services.AddScoped<IScheduledMessageRepository, ScheduledMessageRepository>();
        services.AddScoped<IDispatchStore, ScheduledMessageRepository>();
        services.AddScoped<IDispatchClock, DatabaseDispatchClock>();
        services.AddScoped<IChatSettingsStore, ChatSettingsStore>();
        services.AddScoped<UpdateInbox>();
        return services;
    }
}
