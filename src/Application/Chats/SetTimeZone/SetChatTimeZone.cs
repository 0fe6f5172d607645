using Mediator;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;

namespace ScheduledMessages.Application.Chats.SetTimeZone;

/// <summary>
/// Sets the IANA time zone the chat's wall-clock times are read in, e.g. "Europe/Berlin". In a group
/// (<paramref name="IsPrivateChat"/> false) only an administrator (<paramref name="UserId"/>) may.
/// </summary>
public sealed record SetChatTimeZone(long ChatId, string TimeZoneId, long? UserId = null, bool IsPrivateChat = true)
    : ICommand<UseCaseResult<ChatSettingsDto>>, IChangeRequest;
