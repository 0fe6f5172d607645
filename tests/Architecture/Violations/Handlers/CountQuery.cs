using Mediator;

namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>A query for the fake handlers; a message, not a handler, so the handler rule skips it.</summary>
public sealed record CountQuery(long ChatId) : IQuery<int>;
