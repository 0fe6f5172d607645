using System.Text.Json;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the JSON rule: the model writes its own JSON (the serializer used in a method body only).</summary>
public sealed class EntitySerializingItself
{
    public int Deliveries { get; init; }

    public string ToJson() => JsonSerializer.Serialize(Deliveries);
}
