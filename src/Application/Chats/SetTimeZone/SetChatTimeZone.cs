using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.Chats.SetTimeZone;

/// <summary>Sets the IANA time zone the chat's wall-clock times are read in, e.g. "Europe/Berlin".</summary>
public sealed record SetChatTimeZone(long ChatId, string TimeZoneId) : ICommand<UseCaseResult<ChatSettingsDto>>;
