using FluentValidation;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.List;

/// <summary>A list request names a chat, a known kind and status, and a sensible page.</summary>
public sealed class ListScheduledMessagesValidator : AbstractValidator<ListScheduledMessages>
{
    public ListScheduledMessagesValidator()
    {
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);
        RuleFor(x => x.Status).IsInEnum().WithMessage("Unknown status filter; use active, pending, rescheduled, paused, sent, failed, cancelled or all.");
        RuleFor(x => x.Sort).IsInEnum().WithMessage("Unknown order; sort by next time, created or priority.");
        RuleFor(x => x.Kind)
            .Must(kind => kind is null || RecurrenceKinds.Normalize(kind) is not null)
            .WithMessage(x => $"Unknown kind '{x.Kind}'; use {string.Join(", ", RecurrenceKinds.All)}.");
        RuleFor(x => x.Text)
            .Must(text => text is null || text.Trim().Length is > 0 and <= ListScheduledMessages.MaxTextLength)
            .WithMessage($"Search for 1 to {ListScheduledMessages.MaxTextLength} characters of text.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("Pages are numbered from 1.");
        RuleFor(x => x.Page).LessThanOrEqualTo(ListScheduledMessages.MaxPage).WithMessage($"Pages go up to {ListScheduledMessages.MaxPage} at most.");
        RuleFor(x => x.PageSize)
            .InclusiveBetween(1, ListScheduledMessages.MaxPageSize)
            .WithMessage($"A page shows 1 to {ListScheduledMessages.MaxPageSize} messages.");
    }
}
