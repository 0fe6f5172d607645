using Ardalis.Specification;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Specifications;

/// <summary>A page of a chat's messages, filtered by status, kind and text, in the chosen order.</summary>
public sealed class ScheduledMessagesInChatSpec : Specification<ScheduledMessage>
{
    public ScheduledMessagesInChatSpec(
        long chatId,
        ScheduledMessageStatusFilter status,
        string? kind,
        ScheduledMessageSort sort,
        int page,
        int pageSize,
        string? text = null)
    {
        Query.Where(m => m.ChatId == chatId).AsNoTracking();

        // Comparisons rather than a list's Contains: each translates to plain SQL on the text column.
        switch (status)
        {
            case ScheduledMessageStatusFilter.Active:
                Query.Where(m => m.Status == MessageStatus.Pending || m.Status == MessageStatus.Rescheduled);
                break;
            case ScheduledMessageStatusFilter.Open:
                Query.Where(m => m.Status == MessageStatus.Pending || m.Status == MessageStatus.Rescheduled || m.Status == MessageStatus.Paused);
                break;
            case ScheduledMessageStatusFilter.All:
                // Only the statuses the bot knows: a row another tool left in a state of its own is not the bot's to show.
                Query.Where(m => m.Status == MessageStatus.Pending || m.Status == MessageStatus.Rescheduled || m.Status == MessageStatus.Paused
                    || m.Status == MessageStatus.Sent || m.Status == MessageStatus.Failed || m.Status == MessageStatus.Cancelled);
                break;
            default:
                var wanted = ToStatus(status);
                Query.Where(m => m.Status == wanted);
                break;
        }

        if (kind is not null)
        {
            Query.Where(m => RecurrenceKinds.Of(m) == kind);
        }

        if (!string.IsNullOrEmpty(text))
        {
            // lower() on both sides: PostgreSQL folds every letter, SQLite's built-in lower() only A-Z.
            var lowered = text.ToLowerInvariant();
#pragma warning disable CA1862 // The StringComparison overloads do not translate to SQL; lower() does.
            Query.Where(m => m.Content.ToLower().Contains(lowered));
#pragma warning restore CA1862
        }

        _ = sort switch
        {
            ScheduledMessageSort.Created => Query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id),
            ScheduledMessageSort.Priority => Query.OrderBy(m => m.Priority).ThenBy(m => m.ScheduledTime).ThenBy(m => m.Id),
            _ => Query.OrderBy(m => m.ScheduledTime).ThenBy(m => m.Id),
        };

        Query.Skip((page - 1) * pageSize).Take(pageSize);
    }

    private static MessageStatus ToStatus(ScheduledMessageStatusFilter filter) => filter switch
    {
        ScheduledMessageStatusFilter.Pending => MessageStatus.Pending,
        ScheduledMessageStatusFilter.Rescheduled => MessageStatus.Rescheduled,
        ScheduledMessageStatusFilter.Sent => MessageStatus.Sent,
        ScheduledMessageStatusFilter.Failed => MessageStatus.Failed,
        ScheduledMessageStatusFilter.Cancelled => MessageStatus.Cancelled,
        ScheduledMessageStatusFilter.Paused => MessageStatus.Paused,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a single status."),
    };
}
