using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Specifications;
using ScheduledMessages.Domain.Common;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>
/// The one path of every use case that changes one message: find what the reference names in the
/// chat (one query: none, several, or the one), check the requester may change it, act, save, and
/// answer the message as the chat now sees it. The use case only supplies the act.
/// </summary>
public sealed class MessageChange
{
    /// <summary>The most candidates an ambiguous prefix lists.</summary>
    public const int MaxCandidates = 5;

    // The domain's codes for its refusals (ScheduledMessageErrors): NotPending, NotPaused and
    // CannotChange start with "status."; PassedWhilePaused has its own. Any other is a broken rule
    // of the content, worded by the domain.
    private const string StatusCodes = "status.";
    private const string PassedWhilePaused = "scheduled_time.passed_while_paused";

    private readonly IScheduledMessageRepository _repository;
    private readonly ChatTimeZones _zones;
    private readonly ChangePermission _permission;

    public MessageChange(IScheduledMessageRepository repository, ChatTimeZones zones, ChangePermission permission)
    {
        _repository = repository;
        _zones = zones;
        _permission = permission;
    }

    /// <summary>
    /// Applies <paramref name="act"/> (given the message and the chat's zone) to the message
    /// <paramref name="request"/> names, and saves it when the domain accepts.
    /// </summary>
    public async ValueTask<UseCaseResult<ScheduledMessageDto>> ApplyAsync(
        IMessageChangeRequest request,
        Func<ScheduledMessage, DateTimeZone, Result> act,
        CancellationToken cancellationToken)
    {
        var matches = await _repository.ListForUpdateAsync(
            new ScheduledMessagesByReferenceInChatSpec(request.ChatId, request.Message, MaxCandidates + 1),
            cancellationToken);
        if (matches.Count == 0)
        {
            return new UseCaseFailure.NotFound();
        }

        var (chatZone, _) = await _zones.ForChatAsync(request.ChatId, cancellationToken);
        if (matches.Count > 1)
        {
            return Ambiguous(request.Message, matches, chatZone);
        }

        var message = matches[0];
        if (!await _permission.MayChangeAsync(request, message, cancellationToken))
        {
            return new UseCaseFailure.NotAllowed();
        }

        var done = act(message, chatZone);
        if (done.IsFailure)
        {
            return Refusal(done.Error!, message, request, chatZone);
        }

        await _repository.SaveChangesAsync(cancellationToken);
        return ScheduledMessageMapper.ToDto(message, chatZone);
    }

    private static UseCaseFailure.Ambiguous Ambiguous(MessageReference reference, IReadOnlyList<ScheduledMessage> matches, DateTimeZone chatZone)
    {
        // Short ids unique among every match found, so none shown is itself ambiguous among them.
        var shortIds = MessageIds.ShortestUnique(matches.Select(m => m.Id));
        var candidates = matches
            .Take(MaxCandidates)
            .Select(m => new MessageCandidate(shortIds[m.Id], ScheduledMessageMapper.ToDto(m, chatZone)))
            .ToList();
        return new UseCaseFailure.Ambiguous(reference.Prefix ?? reference.ToString(), candidates, matches.Count > MaxCandidates);
    }

    private static UseCaseFailure Refusal(DomainError error, ScheduledMessage message, IMessageChangeRequest request, DateTimeZone chatZone)
    {
        if (error.Code.StartsWith(StatusCodes, StringComparison.Ordinal))
        {
            return new UseCaseFailure.WrongState(message.Status, request);
        }

        return error.Code == PassedWhilePaused
            ? new UseCaseFailure.MissedWhilePaused(ScheduledMessageMapper.ToDto(message, chatZone))
            : new UseCaseFailure.Invalid([error.Message]);
    }
}
