using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Bot.Console;

/// <summary>Registers the local console chat: stdin in, stdout out, delivered messages printed.</summary>
public static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddConsoleChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleChatOptions>().Bind(configuration.GetSection(ConsoleChatOptions.SectionName));
        services.AddSingleton<ConsoleOutput>();
        services.AddSingleton<IMessageSender, ConsoleMessageSender>();
        services.AddSingleton<TextReader>(_ => System.Console.In);
        services.AddHostedService<ConsoleChat>();
        return services;
    }
}
