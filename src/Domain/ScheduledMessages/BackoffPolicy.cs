using NodaTime;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>
/// Exponential backoff for transient failures: after the nth failed send the retry waits
/// <c>BaseDelay x 2^(n-1)</c> (5, 10, 20 min by default); after <see cref="MaxAttempts"/> retries
/// the occurrence is given up.
/// </summary>
public sealed record BackoffPolicy
{
    public static readonly BackoffPolicy Default = new(Duration.FromMinutes(5), 3);

    public BackoffPolicy(Duration baseDelay, int maxAttempts)
    {
        if (baseDelay <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(baseDelay), baseDelay, "The base delay must be positive.");
        }

        if (maxAttempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "Max attempts cannot be negative.");
        }

        BaseDelay = baseDelay;
        MaxAttempts = maxAttempts;
    }

    public Duration BaseDelay { get; }

    /// <summary>How many retries a failing occurrence gets before it is given up.</summary>
    public int MaxAttempts { get; }

    /// <summary>The wait before the retry that follows the <paramref name="failedAttempts"/>th failure, or null to give up.</summary>
    public Duration? RetryDelay(int failedAttempts)
    {
        if (failedAttempts < 1 || failedAttempts > MaxAttempts)
        {
            return null;
        }

        // Capped so that absurd configurations cannot overflow.
        var exponent = Math.Min(failedAttempts - 1, 30);
        return BaseDelay * (1L << exponent);
    }
}
