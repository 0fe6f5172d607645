using FluentValidation;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Resolve;

/// <summary>The id is a full id or a hex prefix of at least 8 digits.</summary>
public sealed class ResolveScheduledMessageIdValidator : AbstractValidator<ResolveScheduledMessageId>
{
    public ResolveScheduledMessageIdValidator()
    {
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);
        RuleFor(x => x.Id)
            .Must(id => MessageIds.TryRead(id, out _, out _))
            .WithMessage($"That is not a message id: give the short id from /scheduled (its first {MessageIds.MinPrefixLength} characters, e.g. 1a2b3c4d) or the full id.");
    }
}
