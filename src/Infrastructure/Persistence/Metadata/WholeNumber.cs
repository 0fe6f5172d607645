using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScheduledMessages.Infrastructure.Persistence.Metadata;

/// <summary>
/// A whole number as rows of other tools write it: <c>3</c>, <c>3.0</c> or <c>"3"</c>. Reading never
/// fails: anything else is kept as written and reported only by <see cref="Read"/>, so a malformed
/// value under a key the row's pattern does not use (<c>minutes</c> of a daily pattern) is no harm.
/// </summary>
[JsonConverter(typeof(WholeNumberConverter))]
internal readonly record struct WholeNumber
{
    private readonly int _value;
    private readonly string? _malformed;

    public WholeNumber(int value) => _value = value;

    private WholeNumber(string malformed) => _malformed = malformed;

    public static implicit operator WholeNumber(int value) => new(value);

    /// <summary>A value that is not a whole number, as written.</summary>
    public static WholeNumber Malformed(string rawJson) => new(rawJson);

    /// <summary>The number; <paramref name="key"/> names it when it is not a whole number.</summary>
    /// <exception cref="FormatException">The value is not a whole number.</exception>
    public int Read(string key) =>
        _malformed is null ? _value : throw new FormatException($"\"{key}\" is not a whole number: {_malformed}.");
}

/// <summary>Reads <see cref="WholeNumber"/> leniently, writes it as a plain number.</summary>
internal sealed class WholeNumberConverter : JsonConverter<WholeNumber>
{
    public override WholeNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.Number
            && reader.TryGetDouble(out var real)
            && real == Math.Floor(real)
            && real is >= int.MinValue and <= int.MaxValue)
        {
            return (int)real;
        }

        if (reader.TokenType == JsonTokenType.String
            && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        using var value = JsonDocument.ParseValue(ref reader);
        return WholeNumber.Malformed(value.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, WholeNumber value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Read("number"));
}
