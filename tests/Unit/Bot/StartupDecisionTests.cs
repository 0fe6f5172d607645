using Microsoft.Extensions.Configuration;
using ScheduledMessages.Bot.Hosting;

namespace ScheduledMessages.Unit.Bot;

/// <summary>
/// What the host starts (ADR 0800): environment x token x <c>--console</c>/<c>Transport</c> x
/// connection string x SQLite path -> the console, Telegram, or a refusal naming the keys to set.
/// </summary>
public sealed class StartupDecisionTests
{
    private const string Token = "123456:secret";
    private const string Postgres = "Host=db;Database=scheduler";

    [Theory]
    // environment, token, --console, Transport, connection string, SqlitePath -> transport, reason contains
    [InlineData("Development", false, false, null, false, false, Transport.Console, "no Telegram:BotToken")]
    [InlineData("Development", false, false, null, true, false, Transport.Console, "no Telegram:BotToken")]
    [InlineData("development", false, false, null, false, false, Transport.Console, "no Telegram:BotToken")]
    [InlineData("Production", false, true, null, false, false, Transport.Console, "--console")]
    [InlineData("Production", false, true, null, true, false, Transport.Console, "--console")]
    [InlineData("Production", false, false, "Console", true, false, Transport.Console, "Transport=Console")]
    [InlineData("Production", false, false, "console", false, false, Transport.Console, "Transport=Console")]
    [InlineData("Staging", false, true, null, false, false, Transport.Console, "--console")]
    [InlineData("Production", true, true, null, true, false, Transport.Console, "--console")]
    [InlineData("Production", true, false, "Console", true, false, Transport.Console, "Transport=Console")]
    [InlineData("Production", true, false, null, true, false, Transport.Telegram, "Telegram:BotToken is set")]
    [InlineData("Production", true, false, null, false, true, Transport.Telegram, "Telegram:BotToken is set")]
    [InlineData("Production", true, false, "Telegram", true, false, Transport.Telegram, "Transport=Telegram")]
    [InlineData("Development", true, false, null, false, false, Transport.Telegram, "Telegram:BotToken is set")]
    [InlineData("Development", true, false, null, true, false, Transport.Telegram, "Telegram:BotToken is set")]
    public void Starts(string environment, bool token, bool consoleArgument, string? transport, bool connectionString, bool sqlitePath, Transport expected, string reason)
    {
        var plan = StartupDecision.Decide(environment, Configuration(token, transport, connectionString, sqlitePath), consoleArgument);

        Assert.Equal(expected, plan.Transport);
        Assert.Contains(reason, plan.Reason, StringComparison.Ordinal);
    }

    [Theory]
    // environment, token, Transport, connection string, SqlitePath -> the refusal names these keys
    [InlineData("Production", false, null, false, false, "Telegram:BotToken|--console|Transport=Console|Development")]
    [InlineData("Production", false, null, true, false, "Telegram:BotToken|--console")]
    [InlineData("Production", false, null, false, true, "Telegram:BotToken|--console")]
    [InlineData("Staging", false, null, true, false, "Telegram:BotToken|Staging")]
    [InlineData("", false, null, false, false, "Telegram:BotToken")]
    [InlineData("Development", false, "Telegram", false, false, "Telegram:BotToken")]
    [InlineData("Production", false, "Telegram", true, false, "Telegram:BotToken")]
    [InlineData("Production", true, null, false, false, "ConnectionStrings:Scheduler|Storage:SqlitePath")]
    [InlineData("Production", true, "Telegram", false, false, "ConnectionStrings:Scheduler|Storage:SqlitePath")]
    [InlineData("Staging", true, null, false, false, "ConnectionStrings:Scheduler|Storage:SqlitePath")]
    [InlineData("Production", true, "Carrier pigeon", true, false, "Transport")]
    [InlineData("Development", false, "7", false, false, "Transport")]
    public void Refuses(string environment, bool token, string? transport, bool connectionString, bool sqlitePath, string named)
    {
        var configuration = Configuration(token, transport, connectionString, sqlitePath);

        var refused = Assert.Throws<StartupRefusedException>(() => StartupDecision.Decide(environment, configuration, consoleArgument: false));

        foreach (var key in named.Split('|'))
        {
            Assert.Contains(key, refused.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Token, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--console", true)]
    [InlineData("--CONSOLE", true)]
    [InlineData("--urls=http://127.0.0.1:0 --console", true)]
    [InlineData("--consoles", false)]
    [InlineData("--Console:ChatId=5", false)]
    [InlineData("", false)]
    public void Only_the_switch_itself_asks_for_the_console(string commandLine, bool asks)
    {
        Assert.Equal(asks, StartupDecision.AsksForConsole(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void The_switch_is_kept_from_the_configuration_so_it_takes_no_value_from_the_next_argument()
    {
        var args = StartupDecision.ConfigurationArguments(["--console", "--Scheduler:PollInterval=00:00:10"]);
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();

        Assert.Equal(["--Scheduler:PollInterval=00:00:10"], args);
        Assert.Null(configuration["console"]);
        Assert.Equal("00:00:10", configuration["Scheduler:PollInterval"]);
    }

    private static IConfiguration Configuration(bool token, string? transport, bool connectionString, bool sqlitePath) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = token ? Token : null,
                ["Transport"] = transport,
                ["ConnectionStrings:Scheduler"] = connectionString ? Postgres : null,
                ["Storage:SqlitePath"] = sqlitePath ? "/var/lib/bot/scheduler.db" : null,
            })
            .Build();
}
