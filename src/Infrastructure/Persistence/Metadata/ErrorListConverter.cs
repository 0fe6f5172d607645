using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScheduledMessages.Infrastructure.Persistence.Metadata;

/// <summary>
/// <c>errors</c> is a list; entries that are not objects (rows of other tools) are passed over
/// rather than making the whole row unreadable.
/// </summary>
internal sealed class ErrorListConverter : JsonConverter<List<DeliveryErrorDocument>>
{
    public override List<DeliveryErrorDocument> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"\"errors\" is not a list but {reader.TokenType}.");
        }

        var errors = new List<DeliveryErrorDocument>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                errors.Add(JsonSerializer.Deserialize(ref reader, MetadataJsonContext.Default.DeliveryErrorDocument)!);
            }
            else
            {
                reader.Skip();
            }
        }

        return errors;
    }

    public override void Write(Utf8JsonWriter writer, List<DeliveryErrorDocument> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var error in value)
        {
            JsonSerializer.Serialize(writer, error, MetadataJsonContext.Default.DeliveryErrorDocument);
        }

        writer.WriteEndArray();
    }
}
