using NodaTime;

namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>What a template's variables stand for at one occurrence: its local time and its number.</summary>
public sealed record TemplateValues(ZonedDateTime Occurrence, int Count);
