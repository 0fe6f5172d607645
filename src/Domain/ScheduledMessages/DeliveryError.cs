using NodaTime;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>One failed delivery, in a message's error history (<see cref="ScheduledMessage.Errors"/>).</summary>
public sealed record DeliveryError(Instant Time, int Attempt, string Code, string Description);
