using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Bot.Commands;

/// <summary>How scheduled messages and failures read in the chat: plain text, times in the chat's zone.</summary>
public static partial class ChatFormat
{
    private const int PreviewLength = 60;

    private static readonly LocalDateTimePattern TimePattern =
        LocalDateTimePattern.Create("ddd yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);

    private static readonly LocalDateTimePattern TimeWithSecondsPattern =
        LocalDateTimePattern.Create("ddd yyyy'-'MM'-'dd HH':'mm':'ss", CultureInfo.InvariantCulture);

    /// <summary>A time on the zone's wall clock; seconds only when the time has them ("in 30s").</summary>
    public static string Time(Instant instant, string zoneId)
    {
        var local = instant.InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc).LocalDateTime;
        return (local.Second == 0 ? TimePattern : TimeWithSecondsPattern).Format(local);
    }

    public static string Preview(string content)
    {
        var oneLine = content.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= PreviewLength ? oneLine : oneLine[..(PreviewLength - 1)] + "…";
    }

    /// <summary>
    /// Cuts every word longer than a preview down to one, so an answer quoting what someone typed
    /// (a 4000-character "time", say) still fits in a Telegram message.
    /// </summary>
    public static string ShortenLongWords(string text) =>
        LongWord().Replace(text, word => word.Value[..(PreviewLength - 1)] + "…");

    /// <summary>The answer to a failed use case; malformed input also gets the command's usage.</summary>
    public static string Failure(UseCaseFailure failure, string usage) =>
        FailureText.ShowsUsage(failure) ? $"{FailureText.For(failure)}\n\n{usage}" : FailureText.For(failure);

    public static string Scheduled(ScheduledMessageDto message) => Scheduled(message, "Scheduled");

    /// <summary>A message that will be sent: what, its id (full and short), the next send times, the text.</summary>
    public static string Scheduled(ScheduledMessageDto message, string verb)
    {
        var lines = new List<string>
        {
            $"{verb} {message.Description}.",
            $"ID: {message.Id} (short: {MessageIds.ShortForm(message.Id)})",
            $"Next send: {Time(message.NextSendTime, message.TimeZoneId)} ({message.TimeZoneId})",
        };
        if (message.UpcomingSendTimes.Count > 1)
        {
            lines.Add("Then: " + string.Join(", ", message.UpcomingSendTimes.Skip(1).Select(t => Time(t, message.TimeZoneId))));
        }

        lines.Add($"Text: {Preview(message.Content)}");
        return string.Join('\n', lines);
    }

    /// <summary>"Paused every day at 09:00: Good morning" with the id; for changes that send nothing new.</summary>
    public static string Changed(ScheduledMessageDto message, string verb) =>
        $"{verb} {message.Description}: {Preview(message.Content)}\nID: {message.Id}";

    /// <summary>
    /// One message of a list: its short id and text first (what people scan for), then the full id,
    /// then the pattern with its next time (or what became of it), in the message's own zone, which
    /// is named when it is not the chat's.
    /// </summary>
    public static string ListItem(ScheduledMessageDto message, string shortId, string? chatZoneId = null)
    {
        var zone = chatZoneId is null || message.TimeZoneId == chatZoneId ? string.Empty : $" ({message.TimeZoneId})";
        var state = message.Status switch
        {
            MessageStatus.Pending => $"next {Time(message.NextSendTime, message.TimeZoneId)}{zone}",
            MessageStatus.Rescheduled => $"next {Time(message.NextSendTime, message.TimeZoneId)}{zone} (retry {message.Attempts})",
            MessageStatus.Paused => "paused",
            MessageStatus.Sent => $"sent, last due {Time(message.NextSendTime, message.TimeZoneId)}{zone}",
            MessageStatus.Failed => "failed" + (message.LastError is { } error ? $": {Preview(error)}" : string.Empty),
            _ => message.Status.ToString().ToLowerInvariant(),
        };
        var priority = message.Priority == ScheduledMessage.DefaultPriority ? string.Empty : $"; priority {message.Priority}";
        return $"{shortId} · {Preview(message.Content)}\n  {message.Id}\n  {message.Description}; {state}{priority}";
    }

    [GeneratedRegex(@"\S{61,}")]
    private static partial Regex LongWord();
}
