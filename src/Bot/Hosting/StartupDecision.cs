using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Bot.Hosting;

/// <summary>What the host starts: its transport and, for the start-up banner, why.</summary>
public sealed record StartupPlan(Transport Transport, string Reason);

/// <summary>The configuration does not say safely what to start; nothing was started. The message names the keys to set.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);

/// <summary>
/// Decides before anything starts whether the bot runs on Telegram, on the local console, or not at
/// all (ADR 0800). Outside the Development environment it fails closed: no token is an error unless
/// the console is asked for (<c>--console</c> or <c>Transport=Console</c>), and Telegram without a
/// connection string is an error unless <c>Storage:SqlitePath</c> names the SQLite file.
/// </summary>
public static class StartupDecision
{
    /// <summary>The command-line switch that asks for the console chat.</summary>
    public const string ConsoleArgument = "--console";

    /// <summary>The setting that names the transport (Console or Telegram); unset: Telegram when a token is set.</summary>
    public const string TransportKey = "Transport";

    public const string TokenKey = $"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}";

    public const string ConnectionStringKey = $"ConnectionStrings:{SchedulerDatabase.ConnectionStringName}";

    public static bool AsksForConsole(IEnumerable<string> args) =>
        args.Any(arg => string.Equals(arg, ConsoleArgument, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The arguments for the configuration: without <c>--console</c>, which the command-line provider
    /// would otherwise read as a key taking the next argument as its value.
    /// </summary>
    public static string[] ConfigurationArguments(IEnumerable<string> args) =>
        args.Where(arg => !string.Equals(arg, ConsoleArgument, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>The plan for <paramref name="environmentName"/> and <paramref name="configuration"/>, or <see cref="StartupRefusedException"/>.</summary>
    public static StartupPlan Decide(string environmentName, IConfiguration configuration, bool consoleArgument)
    {
        var development = string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase);
        var hasToken = !string.IsNullOrWhiteSpace(configuration[TokenKey]);
        var setting = configuration[TransportKey];
        Transport? asked = null;
        if (!string.IsNullOrWhiteSpace(setting))
        {
            asked = Enum.TryParse<Transport>(setting.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new StartupRefusedException($"{TransportKey} is '{setting}': it must be Console or Telegram (or unset).");
        }

        if (consoleArgument)
        {
            return new StartupPlan(Transport.Console, $"asked for with {ConsoleArgument}");
        }

        if (asked == Transport.Console)
        {
            return new StartupPlan(Transport.Console, $"asked for with {TransportKey}=Console");
        }

        if (!hasToken)
        {
            if (asked == Transport.Telegram)
            {
                throw new StartupRefusedException($"{TransportKey} is Telegram but no {TokenKey} is configured: set {TokenKey} (environment variable Telegram__BotToken).");
            }

            if (development)
            {
                return new StartupPlan(Transport.Console, $"no {TokenKey} configured, environment {environmentName}");
            }

            throw new StartupRefusedException(
                $"No {TokenKey} is configured and the environment is {environmentName}: refusing to start. " +
                $"Set {TokenKey} (environment variable Telegram__BotToken) to run on Telegram, " +
                $"or ask for the local console chat with {ConsoleArgument} or {TransportKey}=Console, " +
                "or run in the Development environment (DOTNET_ENVIRONMENT=Development).");
        }

        if (!development
            && string.IsNullOrWhiteSpace(configuration[ConnectionStringKey])
            && string.IsNullOrWhiteSpace(configuration[SchedulerDatabase.SqlitePathKey]))
        {
            throw new StartupRefusedException(
                $"No {ConnectionStringKey} is configured and the environment is {environmentName}: refusing to run on Telegram " +
                $"with a local SQLite file nobody chose. Set {ConnectionStringKey} to a PostgreSQL connection string, " +
                $"or set {SchedulerDatabase.SqlitePathKey} to the SQLite file to use.");
        }

        return new StartupPlan(Transport.Telegram, asked == Transport.Telegram ? $"{TransportKey}=Telegram" : $"{TokenKey} is set");
    }
}
