using ScheduledMessages.Infrastructure.Persistence;
using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Bot.Hosting;

/// <summary>Says at start which transport and store are in use, and how to switch to Telegram and PostgreSQL.</summary>
public static class StartupBanner
{
    public static string Text(StartupPlan plan, string environmentName, IConfiguration configuration, StoreInfo store)
    {
        var lines = new List<string> { "Scheduled Messages bot", $"Environment: {environmentName}." };
        if (plan.Transport == Transport.Console)
        {
            lines.Add($"Transport: local console chat ({plan.Reason}). Type commands as in a Telegram chat, e.g.");
            lines.Add("  /schedule in 1m Stretch your legs   /schedule daily 09:00 Good morning!   /scheduled   /help");
            lines.Add("  To use Telegram: set Telegram__BotToken=<token from @BotFather>.");
        }
        else
        {
            var mode = configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>()?.Mode ?? TelegramMode.Polling;
            lines.Add($"Transport: Telegram ({mode}; {plan.Reason}).");
        }

        lines.Add($"Store: {store.Description}.");
        if (store.Provider == StoreProvider.Sqlite)
        {
            lines.Add("  To use PostgreSQL (needed to run several instances): set ConnectionStrings__Scheduler=\"Host=...;Database=...;Username=...;Password=...\".");
        }

        return string.Join('\n', lines);
    }
}
