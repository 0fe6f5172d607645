namespace ScheduledMessages.Bench.Measuring;

/// <summary>One message as it arrived: which (its number), where, when it was due and when it came.</summary>
public readonly record struct Delivery(long Number, long ChatId, long DueUnixMs, long ReceivedUnixMs);
