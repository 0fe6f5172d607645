using NodaTime;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>
/// Exponential backoff for transient failures: after the nth failed send the retry waits
/// <c>BaseDelay x 2^(n-1)</c> (5, 10, 20 min by default); after <see cref="MaxAttempts"/> retries
/// the occurrence is given up. A single wait never exceeds <see cref="MaxRetryDelay"/>.
/// </summary>
public sealed record BackoffPolicy
{
    public static readonly BackoffPolicy Default = new(Duration.FromMinutes(5), 3);

    /// <summary>No retry waits longer than this, however the policy is configured.</summary>
    public static readonly Duration MaxRetryDelay = Duration.FromDays(365);

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

        // Doubling stops at the cap, so absurd configurations cannot overflow Duration or Instant.
        var delay = BaseDelay;
        for (var n = 1; n < failedAttempts && delay < MaxRetryDelay; n++)
        {
            delay += delay;
        }

        return Duration.Min(delay, MaxRetryDelay);
    }
}
