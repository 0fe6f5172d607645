namespace ScheduledMessages.Bot.Access;

/// <summary>What a quota counts: a scope (user, chat, ...) and the id within it.</summary>
public readonly record struct QuotaKey(QuotaScope Scope, long Id);
