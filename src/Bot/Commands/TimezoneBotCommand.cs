using System.Globalization;
using NodaTime;
using NodaTime.Text;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Chats.GetSettings;
using ScheduledMessages.Application.Chats.SetTimeZone;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>/timezone [zone]: shows or sets the zone this chat's times are read and shown in.</summary>
public sealed class TimezoneBotCommand : IBotCommand
{
    private static readonly LocalDateTimePattern NowPattern =
        LocalDateTimePattern.Create("ddd yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);

    public string Name => "timezone";

    public string Description => "Show or set this chat's time zone";

    public string Usage =>
        "/timezone - this chat's time zone and the time there now\n/timezone <IANA zone> - set it (in a group: administrators only), e.g. /timezone Europe/Berlin or /timezone America/New_York";

    public async ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var zone = context.Arguments.Trim();
        if (zone.Length == 0)
        {
            var current = await context.Mediator.Send(new GetChatSettings(context.ChatId), cancellationToken);
            return current.IsSuccess ? Shown(current.Value) : ChatFormat.Failure(current.Failure!, Usage);
        }

        var result = await context.Mediator.Send(new SetChatTimeZone(context.ChatId, zone, context.UserId, context.IsPrivateChat), cancellationToken);
        if (!result.IsSuccess)
        {
            return ChatFormat.ShortenLongWords(ChatFormat.Failure(result.Failure!, Usage));
        }

        return $"Time zone set to {result.Value.TimeZoneId}. It is now {Now(result.Value.LocalNow)} there.\n"
            + "New schedules are read in it; existing ones keep the zone they were made in.";
    }

    private static string Shown(ChatSettingsDto settings) =>
        settings.IsDefault
            ? $"This chat's time zone is {settings.TimeZoneId} (the default; set yours with /timezone Europe/Berlin, say). It is now {Now(settings.LocalNow)} there."
            : $"This chat's time zone is {settings.TimeZoneId}. It is now {Now(settings.LocalNow)} there.";

    private static string Now(LocalDateTime local) => NowPattern.Format(local);
}
