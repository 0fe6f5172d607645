namespace ScheduledMessages.Bot.Hosting;

/// <summary>
/// What <c>--help</c> prints: what the bot does with nothing configured, the settings that change
/// that, and where the rest is documented. Nothing is started to print it.
/// </summary>
public static class BotUsage
{
    /// <summary>Any of these among the arguments asks for the usage.</summary>
    public static IReadOnlyList<string> HelpWords { get; } = ["--help", "-h", "-?"];

    /// <summary>The settings the usage names, each documented in the README's configuration table.</summary>
    public static IReadOnlyList<string> MainKeys { get; } =
    [
        "Telegram:BotToken",
        "Transport",
        "Telegram:Mode",
        "ConnectionStrings:Scheduler",
        "Storage:SqlitePath",
        "Scheduler:DefaultTimeZone",
        "Access:AllowedChatIds",
    ];

    public const string Text = """
        Scheduled Messages bot: sends messages to Telegram chats at the times people choose
        (once, daily, weekly, monthly, every N minutes), with retries and delivery windows.

          dotnet run --project src/Bot                start the bot (Development environment)
          dotnet run --project src/Bot -- --console   the local console chat, in any environment
          dotnet run --project src/Bot -- --help      print this and exit

        With no configuration in Development it starts a local console chat on an embedded SQLite
        file: type commands as in Telegram (/schedule in 1m Stretch your legs, /scheduled, /help);
        replies and delivered messages print here. The start-up banner names the database file.
        In Production (DOTNET_ENVIRONMENT unset or Production) a missing Telegram:BotToken is an
        error unless --console or Transport=Console asks for the console, and Telegram with no
        ConnectionStrings:Scheduler needs Storage:SqlitePath set.

        Main settings (src/Bot/appsettings.json, environment variables with __ for :, or --Key=value):
          Telegram:BotToken            the token from @BotFather: run on Telegram instead of the console
          Transport                    Console (same as --console) or Telegram; unset: from the token
          Telegram:Mode                Polling (default) or Webhook (with Telegram:WebhookUrl and :WebhookSecret)
          ConnectionStrings:Scheduler  PostgreSQL (needed for several instances); none: the SQLite file
          Storage:SqlitePath           the SQLite file (default ~/.local/share/scheduled-messages/scheduler.db)
          Scheduler:DefaultTimeZone    IANA zone for chats that set none (UTC; console: this machine's)
          Access:AllowedChatIds        comma-separated chat ids the bot serves (default: every chat)

        Every setting: README.md, section "Configuration". How the bot works: docs/architecture.md.
        """;

    public static bool IsRequested(IEnumerable<string> args) =>
        args.Any(arg => HelpWords.Contains(arg, StringComparer.OrdinalIgnoreCase));

    /// <summary>Writes the usage when <paramref name="args"/> ask for it; true when they did (then exit, start nothing).</summary>
    public static bool TryWrite(IEnumerable<string> args, TextWriter output)
    {
        if (!IsRequested(args))
        {
            return false;
        }

        output.WriteLine(Text);
        return true;
    }
}
