using System.Text.Json.Nodes;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the JSON rule: a stored format (System.Text.Json's nodes) inside the model.</summary>
public sealed class EntityHoldingAJsonNode
{
    public JsonObject? Metadata { get; init; }
}
