using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Bot.Console;

namespace ScheduledMessages.Unit.Bot;

/// <summary>The console delivers its own chat's messages and leaves every other chat's for a Telegram instance (ADR 0800).</summary>
public sealed class ConsoleMessageSenderTests : IDisposable
{
    private readonly StringWriter _printed = new();

    public void Dispose() => _printed.Dispose();

    [Fact]
    public async Task The_console_chats_message_is_printed_and_delivered()
    {
        var outcome = await Sender(consoleChat: 7).SendAsync(7, "Stretch your legs", CancellationToken.None);

        Assert.Same(SendOutcome.Delivered, outcome);
        Assert.Contains("message for chat 7:\nStretch your legs", _printed.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_chats_message_is_held_back_without_an_attempt_and_not_printed()
    {
        var outcome = await Sender(consoleChat: 7).SendAsync(-1001234, "For the group", CancellationToken.None);

        Assert.Equal(SendOutcome.RateLimited(ConsoleMessageSender.ForeignChatHoldBack), outcome);
        Assert.Empty(_printed.ToString());
    }

    private ConsoleMessageSender Sender(long consoleChat) => new(
        new ConsoleOutput(_printed),
        new FakeClock(Instant.FromUtc(2027, 1, 1, 9, 0)),
        Options.Create(new ConsoleChatOptions { ChatId = consoleChat }),
        NullLogger<ConsoleMessageSender>.Instance);
}
