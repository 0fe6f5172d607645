using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Resolve;

/// <summary>
/// Finds the one message of the chat that <paramref name="Id"/> names: its full id, or a prefix of
/// at least <see cref="MessageIds.MinPrefixLength"/> hex digits that no other message of the chat shares.
/// </summary>
public sealed record ResolveScheduledMessageId(long ChatId, string Id) : IQuery<UseCaseResult<ScheduledMessageDto>>;
