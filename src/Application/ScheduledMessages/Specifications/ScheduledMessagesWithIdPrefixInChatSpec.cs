using Ardalis.Specification;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Specifications;

/// <summary>A chat's messages whose id starts with a prefix (given hyphenated, lower case), oldest first, a few at most.</summary>
public sealed class ScheduledMessagesWithIdPrefixInChatSpec : Specification<ScheduledMessage>
{
    public ScheduledMessagesWithIdPrefixInChatSpec(long chatId, string hyphenatedPrefix, int take)
    {
        // Both stores turn an id into the lower-case hyphenated text (PostgreSQL id::text; SQLite's
        // upper-case text compares without case under the column's NOCASE collation).
        Query.Where(m => m.ChatId == chatId && m.Id.ToString().StartsWith(hyphenatedPrefix))
            .OrderBy(m => m.CreatedAt)
            .ThenBy(m => m.Id)
            .Take(take)
            .AsNoTracking();
    }
}
