namespace ScheduledMessages.Application.Abstractions;

/// <summary>How a send went. The dispatcher turns each case into the aggregate's transition.</summary>
public abstract record SendOutcome
{
    public static readonly SendOutcome Delivered = new DeliveredOutcome();

    public static SendOutcome RateLimited(TimeSpan retryAfter) => new RateLimitedOutcome(retryAfter);

    public static SendOutcome Transient(string code, string description) => new TransientErrorOutcome(code, description);

    public static SendOutcome Permanent(string code, string description) => new PermanentErrorOutcome(code, description);
}

/// <summary>The platform accepted the message.</summary>
public sealed record DeliveredOutcome : SendOutcome;

/// <summary>Too many requests (429): resend after <paramref name="RetryAfter"/>; not the message's fault.</summary>
public sealed record RateLimitedOutcome(TimeSpan RetryAfter) : SendOutcome;

/// <summary>A failure that may pass: 5xx, timeout, network.</summary>
public sealed record TransientErrorOutcome(string Code, string Description) : SendOutcome;

/// <summary>A failure that will not pass: bot blocked (403), chat not found (400), ...</summary>
public sealed record PermanentErrorOutcome(string Code, string Description) : SendOutcome;
