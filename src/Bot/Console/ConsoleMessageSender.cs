using NodaTime;
using NodaTime.Text;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Bot.Hosting;

namespace ScheduledMessages.Bot.Console;

/// <summary>Delivers scheduled messages of the console chat by printing them with their time.</summary>
public sealed class ConsoleMessageSender(ConsoleOutput output, IClock clock) : IMessageSender
{
    private static readonly ZonedDateTimePattern TimePattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss z", DateTimeZoneProviders.Tzdb);

    private readonly DateTimeZone _zone = MachineZone.Get();

    public ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant().InZone(_zone);
        output.WriteBlock($"[{TimePattern.Format(now)}] message for chat {chatId}:\n{text}");
        return ValueTask.FromResult(SendOutcome.Delivered);
    }
}
