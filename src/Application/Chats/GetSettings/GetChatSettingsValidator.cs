using FluentValidation;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.Chats.GetSettings;

/// <summary>A settings request names a chat.</summary>
public sealed class GetChatSettingsValidator : AbstractValidator<GetChatSettings>
{
    public GetChatSettingsValidator() =>
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);
}
