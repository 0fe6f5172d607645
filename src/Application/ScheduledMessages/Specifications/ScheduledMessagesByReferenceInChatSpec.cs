using Ardalis.Specification;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Specifications;

/// <summary>
/// The chat's messages a reference names, oldest first, a few at most: the one with the full id,
/// or those whose id starts with the prefix. Another chat's message matches nothing.
/// </summary>
public sealed class ScheduledMessagesByReferenceInChatSpec : Specification<ScheduledMessage>
{
    public ScheduledMessagesByReferenceInChatSpec(long chatId, MessageReference reference, int take)
    {
        if (reference.Id is { } id)
        {
            Query.Where(m => m.Id == id && m.ChatId == chatId);
        }
        else
        {
            // Both stores turn an id into the lower-case hyphenated text (PostgreSQL id::text; SQLite's
            // upper-case text compares without case under the column's NOCASE collation).
            var hyphenatedPrefix = MessageIds.Hyphenated(reference.Prefix ?? string.Empty);
            Query.Where(m => m.ChatId == chatId && m.Id.ToString().StartsWith(hyphenatedPrefix));
        }

        Query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(take);
    }
}
