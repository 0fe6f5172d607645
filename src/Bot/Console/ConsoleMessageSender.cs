using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Bot.Hosting;

namespace ScheduledMessages.Bot.Console;

/// <summary>
/// Delivers scheduled messages of the console chat (<c>Console:ChatId</c>) by printing them with
/// their time. A due message of any other chat (a database shared with a Telegram instance) is not
/// the console's to deliver: it is held back for <see cref="ForeignChatHoldBack"/> without counting
/// an attempt, so it stays due for an instance that can send it (ADR 0800).
/// </summary>
public sealed partial class ConsoleMessageSender(ConsoleOutput output, IClock clock, IOptions<ConsoleChatOptions> options, ILogger<ConsoleMessageSender> logger) : IMessageSender
{
    /// <summary>How long another chat's message is left for others before the console looks at it again.</summary>
    public static readonly TimeSpan ForeignChatHoldBack = TimeSpan.FromSeconds(30);

    private static readonly ZonedDateTimePattern TimePattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss z", DateTimeZoneProviders.Tzdb);

    private readonly DateTimeZone _zone = MachineZone.Get();

    public ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken)
    {
        var ownChat = options.Value.ChatId;
        if (chatId != ownChat)
        {
            LogForeignChat(logger, chatId, ownChat, ForeignChatHoldBack);
            return ValueTask.FromResult(SendOutcome.RateLimited(ForeignChatHoldBack));
        }

        var now = clock.GetCurrentInstant().InZone(_zone);
        output.WriteBlock($"[{TimePattern.Format(now)}] message for chat {chatId}:\n{text}");
        return ValueTask.FromResult(SendOutcome.Delivered);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A due message of chat {ChatId} is not the console chat's ({ConsoleChatId}): left unsent for a Telegram instance, looked at again in {HoldBack}")]
    private static partial void LogForeignChat(ILogger logger, long chatId, long consoleChatId, TimeSpan holdBack);
}
