using FluentValidation;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.Chats.SetTimeZone;

/// <summary>The zone must be a known IANA id; an unknown one gets up to three near misses, a far too long one a short answer at once.</summary>
public sealed class SetChatTimeZoneValidator : AbstractValidator<SetChatTimeZone>
{
    public SetChatTimeZoneValidator()
    {
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);

        RuleFor(x => x.TimeZoneId)
            .Must(id => !string.IsNullOrWhiteSpace(id))
            .WithMessage("Name a time zone, e.g. Europe/Berlin or America/New_York.");

        RuleFor(x => x.TimeZoneId)
            .Must(id => !TimeZones.IsTooLong(id))
            .WithMessage(x => $"That time zone name has {x.TimeZoneId.Trim().Length} characters; zone names have at most {TimeZones.MaxIdLength}. Use an IANA name such as Europe/Berlin.");

        RuleFor(x => x.TimeZoneId)
            .Must(id => TimeZones.Find(id) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.TimeZoneId) && !TimeZones.IsTooLong(x.TimeZoneId))
            .WithMessage(x => UnknownZone(x.TimeZoneId));
    }

    /// <summary>The answer to a zone nobody knows, with near misses when there are some.</summary>
    public static string UnknownZone(string id)
    {
        var suggestions = TimeZones.Suggest(id);
        return suggestions.Count == 0
            ? $"'{id}' is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York."
            : $"'{id}' is not a time zone I know. Did you mean {string.Join(", ", suggestions)}?";
    }
}
