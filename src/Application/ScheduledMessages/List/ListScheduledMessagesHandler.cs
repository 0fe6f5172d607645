using Mediator;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Specifications;

namespace ScheduledMessages.Application.ScheduledMessages.List;

/// <summary>Reads a page of a chat's messages and the count of all that match.</summary>
public sealed class ListScheduledMessagesHandler : IQueryHandler<ListScheduledMessages, UseCaseResult<PagedList<ScheduledMessageDto>>>
{
    private readonly IScheduledMessageRepository _repository;
    private readonly ChatTimeZones _zones;

    public ListScheduledMessagesHandler(IScheduledMessageRepository repository, ChatTimeZones zones)
    {
        _repository = repository;
        _zones = zones;
    }

    public async ValueTask<UseCaseResult<PagedList<ScheduledMessageDto>>> Handle(ListScheduledMessages query, CancellationToken cancellationToken)
    {
        var spec = new ScheduledMessagesInChatSpec(
            query.ChatId,
            query.Status,
            RecurrenceKinds.Normalize(query.Kind),
            query.Sort,
            query.Page,
            query.PageSize,
            query.Text?.Trim());
        var total = await _repository.CountAsync(spec, cancellationToken);
        var messages = total == 0 ? [] : await _repository.ListAsync(spec, cancellationToken);
        var (zone, _) = await _zones.ForChatAsync(query.ChatId, cancellationToken);
        var items = messages.Select(m => ScheduledMessageMapper.ToDto(m, zone)).ToList();
        return new PagedList<ScheduledMessageDto>(items, query.Page, query.PageSize, total);
    }
}
