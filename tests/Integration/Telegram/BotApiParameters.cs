using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ScheduledMessages.Integration.Telegram;

/// <summary>
/// A request's parameters from the query string and a JSON, urlencoded or multipart body, read the
/// way the Bot API does: numbers may come as strings, objects in forms come as JSON text.
/// </summary>
internal sealed class BotApiParameters
{
    private readonly Dictionary<string, JsonNode?> _values;

    private BotApiParameters(Dictionary<string, JsonNode?> values) => _values = values;

    public static async Task<BotApiParameters?> ReadAsync(HttpRequest request)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = JsonValue.Create(value.ToString());
        }

        if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            if (body.Length > 0)
            {
                try
                {
                    if (JsonNode.Parse(body) is not JsonObject json)
                    {
                        return null;
                    }

                    foreach (var (key, value) in json)
                    {
                        values[key] = value?.DeepClone();
                    }
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, value) in form)
            {
                values[key] = JsonValue.Create(value.ToString());
            }
        }

        return new BotApiParameters(values);
    }

    public bool Has(string name) => _values.TryGetValue(name, out var v) && v is not null;

    public string? String(string name) => _values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    public long? Long(string name)
    {
        var node = _values.GetValueOrDefault(name);
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n))
        {
            return n;
        }

        return long.TryParse(String(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    public bool Bool(string name) =>
        _values.GetValueOrDefault(name) is { } node &&
        (node.GetValueKind() == JsonValueKind.True || string.Equals(String(name), "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>A structured parameter (reply_markup, commands, scope), parsed when a form sent it as text.</summary>
    public JsonNode? Json(string name)
    {
        var node = _values.GetValueOrDefault(name);
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse(v.GetValue<string>());
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return node;
    }
}
