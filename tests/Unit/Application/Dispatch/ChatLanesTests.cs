using System.Collections.Concurrent;
using NodaTime;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Application.Dispatch;

public sealed class ChatLanesTests
{
    private static readonly Instant Created = Instant.FromUtc(2030, 1, 1, 8, 0);

    private static readonly TimeSpan NoBudgetLimit = TimeSpan.MaxValue;

    private static ScheduledMessage Message(long chatId, int minute) =>
        ScheduledMessage.Create(Guid.NewGuid(), chatId, null, $"{chatId}/{minute}", Recurrence.OneTime, Created + Duration.FromMinutes(minute), Created).Value;

    private static List<ScheduledMessage> Batch() =>
        [Message(1, 1), Message(2, 1), Message(1, 2), Message(3, 1), Message(2, 2), Message(1, 3)];

    [Fact]
    public async Task Each_chats_messages_run_one_after_another_in_the_order_given()
    {
        var batch = Batch();
        var running = new ConcurrentDictionary<long, int>();
        var seen = new ConcurrentQueue<ScheduledMessage>();

        var givenBack = await new ChatLanes(4, NoBudgetLimit).RunAsync(
            batch,
            async message =>
            {
                Assert.Equal(1, running.AddOrUpdate(message.ChatId, 1, (_, n) => n + 1));
                await Task.Yield();
                seen.Enqueue(message);
                running.AddOrUpdate(message.ChatId, 0, (_, n) => n - 1);
            },
            CancellationToken.None);

        Assert.Empty(givenBack);
        foreach (var chat in batch.GroupBy(m => m.ChatId))
        {
            Assert.Equal(chat.Select(m => m.Id), seen.Where(m => m.ChatId == chat.Key).Select(m => m.Id));
        }
    }

    [Fact]
    public async Task With_one_lane_at_a_time_the_chats_run_in_the_order_their_first_message_was_given()
    {
        var seen = new List<string>();

        await new ChatLanes(1, NoBudgetLimit).RunAsync(Batch(), message => { seen.Add(message.Content); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(["1/1", "1/2", "1/3", "2/1", "2/2", "3/1"], seen);
    }

    [Fact]
    public async Task A_stopped_round_gives_every_message_back_unprocessed()
    {
        var batch = Batch();
        var processed = 0;

        var givenBack = await new ChatLanes(4, NoBudgetLimit).RunAsync(
            batch,
            _ => { Interlocked.Increment(ref processed); return Task.CompletedTask; },
            new CancellationToken(canceled: true));

        Assert.Equal(0, processed);
        Assert.Equal(batch.Select(m => m.Id).Order(), givenBack.Order());
    }

    [Fact]
    public async Task A_lane_past_its_time_budget_gives_the_rest_of_its_messages_back()
    {
        var batch = Batch();

        // A budget below zero is used up before the first message: the bound, not the timing, is what is tested.
        var givenBack = await new ChatLanes(4, TimeSpan.FromTicks(-1)).RunAsync(
            batch,
            _ => throw new InvalidOperationException("Nothing should run past the budget."),
            CancellationToken.None);

        Assert.Equal(batch.Select(m => m.Id).Order(), givenBack.Order());
    }

    [Fact]
    public async Task An_empty_batch_runs_nothing()
    {
        Assert.Empty(await new ChatLanes(4, NoBudgetLimit).RunAsync([], _ => Task.CompletedTask, CancellationToken.None));
    }
}
