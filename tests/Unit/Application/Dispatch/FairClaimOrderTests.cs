using NodaTime;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Application.Dispatch;

/// <summary>The order a claimed batch is handed to the lanes in (ADR 0803).</summary>
public sealed class FairClaimOrderTests
{
    private static readonly Instant T0 = Instant.FromUtc(2030, 1, 7, 10, 0);

    private static ScheduledMessage Message(long chatId, string text, int minutesAgo, int priority) =>
        ScheduledMessage.Create(Guid.NewGuid(), chatId, null, text, Recurrence.OneTime, T0 - Duration.FromMinutes(minutesAgo), T0 - Duration.FromDays(1), priority).Value;

    [Fact]
    public void Chats_come_in_order_of_their_longest_wait_and_each_chats_messages_by_priority_then_time()
    {
        var messages = new[]
        {
            Message(2, "B p1", minutesAgo: 1, priority: 1),
            Message(1, "A p3 later", minutesAgo: 5, priority: 3),
            Message(1, "A p5 oldest", minutesAgo: 10, priority: 5),
            Message(3, "C p3", minutesAgo: 7, priority: 3),
            Message(1, "A p3 earlier", minutesAgo: 6, priority: 3),
        };

        var ordered = FairClaimOrder.Arrange(messages).Select(m => m.Content).ToList();

        Assert.Equal(["A p3 earlier", "A p3 later", "A p5 oldest", "C p3", "B p1"], ordered);
    }

    [Fact]
    public void Chats_that_waited_equally_long_come_in_chat_id_order()
    {
        var messages = new[] { Message(9, "nine", 1, 3), Message(-5, "group", 1, 3), Message(4, "four", 1, 3) };

        Assert.Equal(["group", "four", "nine"], FairClaimOrder.Arrange(messages).Select(m => m.Content));
    }
}
