namespace ScheduledMessages.Bot.Access;

/// <summary>What a quota counts: a scope (user, chat, ...), the id within it and, for a member, the chat they are a member of.</summary>
public readonly record struct QuotaKey(QuotaScope Scope, long Id, long ChatId = 0);
