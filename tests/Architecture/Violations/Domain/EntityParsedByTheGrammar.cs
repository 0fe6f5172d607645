using ScheduledMessages.Grammar;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: the model using the grammar that is built on it.</summary>
public sealed class EntityParsedByTheGrammar
{
    public ScheduleSpec? Spec { get; init; }
}
