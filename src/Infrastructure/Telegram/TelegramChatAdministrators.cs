using System.Collections.Concurrent;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// Asks Telegram (getChatMember) whether a user is a group's creator or administrator, remembering
/// the answer for a minute so a burst of button presses does not become a burst of API calls.
/// The call is bounded by <see cref="TelegramOptions.ApiCallTimeout"/> (<see cref="TimeBoundBotClient"/>):
/// a Telegram that does not answer makes it throw <see cref="TimeoutException"/>, a transient
/// failure, and nothing is remembered.
/// </summary>
public sealed class TelegramChatAdministrators(ITelegramBotClient bot, IClock clock) : IChatAdministrators
{
    private static readonly Duration Remember = Duration.FromMinutes(1);
    private readonly ConcurrentDictionary<(long Chat, long User), (bool IsAdministrator, Instant Until)> _answers = new();

    public async ValueTask<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (_answers.TryGetValue((chatId, userId), out var known) && known.Until > now)
        {
            return known.IsAdministrator;
        }

        bool isAdministrator;
        try
        {
            var member = await bot.GetChatMember(chatId, userId, cancellationToken);
            isAdministrator = member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            // Telegram does not know this user in this chat: certainly not an administrator.
            isAdministrator = false;
        }

        _answers[(chatId, userId)] = (isAdministrator, now + Remember);
        return isAdministrator;
    }
}
