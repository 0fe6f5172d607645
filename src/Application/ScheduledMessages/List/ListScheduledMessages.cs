using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.List;

/// <summary>
/// A page of a chat's messages. <paramref name="Kind"/> is once, daily, weekly, monthly or custom
/// (null: all); <paramref name="Text"/> keeps those whose text contains it, ignoring case (null: all).
/// </summary>
public sealed record ListScheduledMessages(
    long ChatId,
    ScheduledMessageStatusFilter Status = ScheduledMessageStatusFilter.Active,
    string? Kind = null,
    ScheduledMessageSort Sort = ScheduledMessageSort.NextTime,
    int Page = 1,
    int PageSize = ListScheduledMessages.DefaultPageSize,
    string? Text = null) : IQuery<UseCaseResult<PagedList<ScheduledMessageDto>>>
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    /// <summary>The highest page asked for: far more than a chat holds, and its offset cannot overflow.</summary>
    public const int MaxPage = 10_000;
    public const int MaxTextLength = 200;
}
