namespace ScheduledMessages.Bot.Telegram.Replies;

/// <summary>How one attempt to send a reply went: sent, rate-limited for a while, or failed for good.</summary>
public sealed record ReplySendResult
{
    private ReplySendResult(TimeSpan? retryAfter, string? error)
    {
        RetryAfter = retryAfter;
        Error = error;
    }

    public static ReplySendResult Sent { get; } = new(null, null);

    /// <summary>Telegram asked to wait (429 with retry_after) before sending to this chat again.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Why the reply could not be sent; sending it again would not help.</summary>
    public string? Error { get; }

    public static ReplySendResult RateLimited(TimeSpan retryAfter) => new(retryAfter, null);

    public static ReplySendResult Failed(string error) => new(null, error);
}
