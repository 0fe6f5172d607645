using NodaTime;
using ScheduledMessages.Application.Chats.GetSettings;
using ScheduledMessages.Application.ScheduledMessages.Schedule;
using ScheduledMessages.Bot.Commands.Parsing;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Bot.Commands;

/// <summary>/schedule: a message once, daily, weekly, monthly, or every N minutes/hours.</summary>
public sealed class ScheduleCommand : IBotCommand
{
    public string Name => "schedule";

    public string Description => "Schedule a message: once, daily, weekly, monthly or every N minutes";

    public string Usage => ScheduleGrammar.Usage;

    public async ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Arguments))
        {
            return $"Tell me when and what to send.\n\n{Usage}";
        }

        var settings = await context.Mediator.Send(new GetChatSettings(context.ChatId), cancellationToken);
        if (!settings.IsSuccess)
        {
            return ChatFormat.Failure(settings.Failure!, Usage);
        }

        var zone = DateTimeZoneProviders.Tzdb[settings.Value.TimeZoneId];
        var parsed = ScheduleParser.Parse(context.Arguments, settings.Value.LocalNow.InZoneLeniently(zone));
        if (parsed.IsFailure)
        {
            return $"{ChatFormat.ShortenLongWords(parsed.Error!.Message)}\n\n{Usage}";
        }

        var spec = parsed.Value;
        var result = await context.Mediator.Send(
            new ScheduleMessage(
                context.ChatId,
                context.UserId,
                spec.Content,
                spec.Recurrence,
                spec.At,
                spec.Priority ?? ScheduledMessage.DefaultPriority,
                spec.DeliveryWindow),
            cancellationToken);

        return result.IsSuccess ? ChatFormat.Scheduled(result.Value) : ChatFormat.Failure(result.Failure!, Usage);
    }
}
