using System.Text.Json;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Infrastructure.Persistence.Inbox;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// Where the transports put what Telegram sends: <see cref="StoreAsync"/> writes updates to the
/// inbox (a second copy of one is ignored) and wakes this instance's <see cref="TelegramInboxProcessor"/>.
/// Only once it returns may an update be acknowledged to Telegram.
/// </summary>
public sealed class TelegramInbox(IServiceScopeFactory scopes) : IDisposable
{
    private readonly InProcessDispatchSignal _wakeUp = new();

    /// <summary>Stores <paramref name="updates"/> (with their JSON as received, when known); returns how many were new.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<(Update Update, string? Json)> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return 0;
        }

        var received = updates
            .Select(u => new ReceivedUpdate(u.Update.Id, ChatOf(u.Update), u.Json ?? JsonSerializer.Serialize(u.Update, JsonBotAPI.Options)))
            .ToList();
        int added;
        await using (var scope = scopes.CreateAsyncScope())
        {
            added = await scope.ServiceProvider.GetRequiredService<UpdateInbox>().AddAsync(received, cancellationToken);
        }

        WakeUp();
        return added;
    }

    /// <summary>Reads an update back from the JSON the inbox holds.</summary>
    public static Update? Read(string json) => JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options);

    /// <summary>The chat an update belongs to, which orders it; null when it has none (it is then ordered on its own).</summary>
    public static long? ChatOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.EditedMessage?.Chat.Id
        ?? update.ChannelPost?.Chat.Id
        ?? update.EditedChannelPost?.Chat.Id
        ?? update.MyChatMember?.Chat.Id
        ?? update.ChatMember?.Chat.Id
        ?? update.ChatJoinRequest?.Chat.Id;

    /// <summary>Asks the processor to look at the inbox now (coalesces).</summary>
    public void WakeUp() => _wakeUp.Notify();

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes.</summary>
    public ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wakeUp.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wakeUp.Dispose();
}
