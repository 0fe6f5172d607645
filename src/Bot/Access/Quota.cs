using NodaTime;

namespace ScheduledMessages.Bot.Access;

/// <summary>At most <paramref name="Limit"/> events per <paramref name="Period"/> for one key (a user, a chat).</summary>
public readonly record struct Quota(QuotaKey Key, int Limit, Duration Period);
