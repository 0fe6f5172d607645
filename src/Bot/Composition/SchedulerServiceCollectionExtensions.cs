using Mediator;
using ScheduledMessages.Application;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Infrastructure;

namespace ScheduledMessages.Bot.Composition;

/// <summary>
/// The scheduler's services in one call, so that the host and the integration tests build the
/// same container: the generated mediator with the validation behavior, Application, persistence.
/// </summary>
public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the mediator (scoped, <see cref="ValidationBehavior{TMessage, TResponse}"/> on every
    /// message), the Application layer, <see cref="SchedulerOptions"/> bound from "Scheduler" and
    /// checked at start, and the store (PostgreSQL from <c>ConnectionStrings:Scheduler</c>, else SQLite).
    /// The caller adds an <c>IMessageSender</c> (Telegram or a test double).
    /// </summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services.AddLogging();
        services.AddApplication();
        services.AddOptions<SchedulerOptions>()
            .Bind(configuration.GetSection(SchedulerOptions.SectionName))
            .ValidateOnStart();
        services.AddInfrastructure(configuration);
        return services;
    }
}
