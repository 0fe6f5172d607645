namespace ScheduledMessages.Integration.Telegram;

/// <summary>A failure the Bot API double answers with instead of doing the call, as Telegram would.</summary>
public abstract record BotApiFault
{
    /// <summary>A 5xx with Telegram's JSON error body (500 "Internal Server Error", 502 "Bad Gateway", ...).</summary>
    public static BotApiFault ServerError(int statusCode = 500) => new ServerErrorFault(statusCode);

    /// <summary>A 429 "Too Many Requests: retry after N" with <c>parameters.retry_after</c>.</summary>
    public static BotApiFault TooManyRequests(int retryAfterSeconds) => new TooManyRequestsFault(retryAfterSeconds);

    /// <summary>403 "Forbidden: bot was blocked by the user".</summary>
    public static BotApiFault BotBlocked { get; } = new ErrorFault(403, "Forbidden: bot was blocked by the user");

    /// <summary>400 "Bad Request: chat not found".</summary>
    public static BotApiFault ChatNotFound { get; } = new ErrorFault(400, "Bad Request: chat not found");

    /// <summary>
    /// Holds the request for <paramref name="delay"/> before answering normally; a client that gives up
    /// first (its timeout) aborts the request and nothing is recorded.
    /// </summary>
    public static BotApiFault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>Any error code and description, e.g. 400 "Bad Request: message is too long".</summary>
    public static BotApiFault Error(int errorCode, string description) => new ErrorFault(errorCode, description);
}

/// <summary>A 5xx answer.</summary>
public sealed record ServerErrorFault(int StatusCode) : BotApiFault;

/// <summary>A 429 answer with retry_after.</summary>
public sealed record TooManyRequestsFault(int RetryAfterSeconds) : BotApiFault;

/// <summary>An error answer with a code and Telegram's description.</summary>
public sealed record ErrorFault(int ErrorCode, string Description) : BotApiFault;

/// <summary>A slow answer.</summary>
public sealed record DelayFault(TimeSpan Duration) : BotApiFault;
