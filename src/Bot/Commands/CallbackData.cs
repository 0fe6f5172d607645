using System.Text;

namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// The callback data of the bot's buttons: "key:part:part...", e.g. "c:&lt;id&gt;" or
/// "l:2:daily". Telegram allows 1 to 64 bytes; the last part may itself contain colons.
/// </summary>
public static class CallbackData
{
    /// <summary>Telegram's limit on a button's callback data.</summary>
    public const int MaxBytes = 64;

    /// <summary>The data for a button, or null when it would not fit in <see cref="MaxBytes"/>.</summary>
    public static string? Create(string key, params string[] parts)
    {
        var data = parts.Length == 0 ? key : key + ":" + string.Join(':', parts);
        return Encoding.UTF8.GetByteCount(data) <= MaxBytes ? data : null;
    }

    /// <summary>Splits data into its key and the rest (the payload); false when it has no key.</summary>
    public static bool TryParse(string? data, out string key, out string payload)
    {
        key = string.Empty;
        payload = string.Empty;
        if (string.IsNullOrEmpty(data))
        {
            return false;
        }

        var colon = data.IndexOf(':', StringComparison.Ordinal);
        key = colon < 0 ? data : data[..colon];
        payload = colon < 0 ? string.Empty : data[(colon + 1)..];
        return key.Length > 0;
    }

    /// <summary>The payload split into <paramref name="count"/> parts at most; the last keeps any further colons.</summary>
    public static string[] Split(string payload, int count) => payload.Split(':', count);
}
