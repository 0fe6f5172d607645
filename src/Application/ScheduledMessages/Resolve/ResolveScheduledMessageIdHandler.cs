using System.Text;
using Mediator;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Specifications;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Resolve;

/// <summary>
/// Looks the id up within the chat only (another chat's message reads as not found); a prefix
/// several messages share is answered with those candidates, so the person can give more of it.
/// </summary>
public sealed class ResolveScheduledMessageIdHandler : IQueryHandler<ResolveScheduledMessageId, UseCaseResult<ScheduledMessageDto>>
{
    /// <summary>The most candidates an ambiguous prefix lists.</summary>
    public const int MaxCandidates = 5;

    private readonly IScheduledMessageRepository _repository;
    private readonly ChatTimeZones _zones;
    private readonly ScheduledMessageMapper _mapper;

    public ResolveScheduledMessageIdHandler(IScheduledMessageRepository repository, ChatTimeZones zones, ScheduledMessageMapper mapper)
    {
        _repository = repository;
        _zones = zones;
        _mapper = mapper;
    }

    public async ValueTask<UseCaseResult<ScheduledMessageDto>> Handle(ResolveScheduledMessageId query, CancellationToken cancellationToken)
    {
        MessageIds.TryRead(query.Id, out var id, out var prefix);
        IReadOnlyList<ScheduledMessage> matches = id is { } full
            ? await _repository.ListAsync(new ScheduledMessageInChatSpec(full, query.ChatId), cancellationToken)
            : await _repository.ListAsync(
                new ScheduledMessagesWithIdPrefixInChatSpec(query.ChatId, MessageIds.Hyphenated(prefix!), MaxCandidates + 1),
                cancellationToken);

        if (matches.Count == 0)
        {
            return UseCaseResult<ScheduledMessageDto>.NotFound(ChangeFailures.NotFound);
        }

        var (zone, _) = await _zones.ForChatAsync(query.ChatId, cancellationToken);
        if (matches.Count == 1)
        {
            return _mapper.ToDto(matches[0], zone);
        }

        var shown = MessageIds.ShortestUnique(matches.Select(m => m.Id));
        var text = new StringBuilder(matches.Count > MaxCandidates
            ? $"More than {MaxCandidates} messages in this chat have ids starting with {prefix}, for example:"
            : $"{matches.Count} messages in this chat have ids starting with {prefix}:");
        foreach (var message in matches.Take(MaxCandidates))
        {
            var dto = _mapper.ToDto(message, zone);
            var preview = dto.Content.ReplaceLineEndings(" ");
            text.Append($"\n  {shown[message.Id]} - {dto.Description}, {ChangeFailures.Word(dto.Status)}: {(preview.Length > 40 ? preview[..39] + "…" : preview)}");
        }

        text.Append("\nGive more characters of the id.");
        return UseCaseResult<ScheduledMessageDto>.Conflict(text.ToString());
    }
}
