namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Fresh chat ids, so tests sharing a bot never read each other's messages.</summary>
public static class ChatIds
{
    private static long _next = 7_000_000 + Random.Shared.Next(1_000_000) * 100L;

    /// <summary>A private chat (positive id; the user has the same id).</summary>
    public static long NextPrivate() => Interlocked.Increment(ref _next);

    /// <summary>A group chat (negative id).</summary>
    public static long NextGroup() => -Interlocked.Increment(ref _next);
}
