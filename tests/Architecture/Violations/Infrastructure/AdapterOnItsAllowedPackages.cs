using Microsoft.EntityFrameworkCore;
using Npgsql;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.BotTools;
using Telegram.Bot;

namespace ScheduledMessages.Architecture.Violations.Infrastructure;

/// <summary>
/// Keeps the infrastructure rule: persistence, the Telegram client and Application's ports are its
/// business, and ScheduledMessages.BotTools only looks like the Bot's namespace.
/// </summary>
public sealed class AdapterOnItsAllowedPackages
{
    public DbContext? Context { get; init; }

    public NpgsqlDataSource? DataSource { get; init; }

    public ITelegramBotClient? Client { get; init; }

    public IMessageSender? Port { get; init; }

    public BotToolsLookalike? Tools { get; init; }
}
