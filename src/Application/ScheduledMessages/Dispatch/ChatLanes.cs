using System.Collections.Concurrent;
using System.Diagnostics;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>
/// Runs a claimed batch in lanes, one per chat: a chat's messages one after another in the order
/// given (the claim's: priority, then time), up to <paramref name="concurrency"/> chats at once.
/// A lane that has taken longer than <paramref name="timeBudget"/> gives the rest of its messages
/// back, so one chat with many messages due (Telegram allows it one a second) does not hold the
/// whole round back; a stopped round gives back everything not yet started.
/// </summary>
public sealed class ChatLanes(int concurrency, TimeSpan timeBudget)
{
    /// <summary>
    /// Runs <paramref name="process"/> on each message, lane by lane, until <paramref name="stop"/>
    /// is cancelled (a message in process is finished, not abandoned). Returns the ids of the
    /// messages given back: not processed because the round stopped or their lane's time ran out.
    /// </summary>
    public async Task<IReadOnlyCollection<Guid>> RunAsync(
        IReadOnlyList<ScheduledMessage> messages,
        Func<ScheduledMessage, Task> process,
        CancellationToken stop)
    {
        var givenBack = new ConcurrentQueue<Guid>();
        var lanes = messages.GroupBy(m => m.ChatId).ToList();
        if (lanes.Count == 0)
        {
            return [];
        }

        await Parallel.ForEachAsync(
            lanes,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Min(concurrency, lanes.Count) },
            async (lane, _) =>
            {
                var started = Stopwatch.GetTimestamp();
                foreach (var message in lane)
                {
                    if (stop.IsCancellationRequested || Stopwatch.GetElapsedTime(started) > timeBudget)
                    {
                        givenBack.Enqueue(message.Id);
                        continue;
                    }

                    await process(message);
                }
            });
        return givenBack;
    }
}
