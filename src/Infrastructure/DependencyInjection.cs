using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Infrastructure.Persistence;

namespace ScheduledMessages.Infrastructure;

/// <summary>Registers the Infrastructure layer's persistence (Telegram registers itself separately).</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds the PostgreSQL store from <c>ConnectionStrings:Scheduler</c>: the scoped
    /// <see cref="SchedulerDbContext"/>, <see cref="IScheduledMessageRepository"/> and <see cref="IChatSettingsStore"/>.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(SchedulerDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{SchedulerDatabase.ConnectionStringName} is not set: give the PostgreSQL connection string "
                + $"(environment variable ConnectionStrings__{SchedulerDatabase.ConnectionStringName}).");
        }

        services.AddDbContext<SchedulerDbContext>(options => SchedulerDatabase.Configure(options, connectionString));
        services.AddScoped<IScheduledMessageRepository, ScheduledMessageRepository>();
        services.AddScoped<IChatSettingsStore, ChatSettingsStore>();
        return services;
    }
}
