using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.Chats.GetSettings;

/// <summary>Reads a chat's settings; a chat that chose nothing gets the defaults.</summary>
public sealed record GetChatSettings(long ChatId) : IQuery<UseCaseResult<ChatSettingsDto>>;
