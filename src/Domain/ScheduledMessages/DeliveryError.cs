using NodaTime;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>One failed delivery, kept in <c>metadata.errors</c>.</summary>
public sealed record DeliveryError(Instant Time, int Attempt, string Code, string Description);
