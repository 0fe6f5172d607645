using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;

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
        failure.Kind == FailureKind.Invalid ? $"{failure.Text}\n\n{usage}" : failure.Text;

    public static string Scheduled(ScheduledMessageDto message)
    {
        var lines = new List<string>
        {
            $"Scheduled {message.Description}.",
            $"ID: {message.Id}",
            $"Next send: {Time(message.NextSendTime, message.TimeZoneId)} ({message.TimeZoneId})",
        };
        if (message.UpcomingSendTimes.Count > 1)
        {
            lines.Add("Then: " + string.Join(", ", message.UpcomingSendTimes.Skip(1).Select(t => Time(t, message.TimeZoneId))));
        }

        lines.Add($"Text: {Preview(message.Content)}");
        return string.Join('\n', lines);
    }

    public static string ListItem(ScheduledMessageDto message) =>
        $"{message.Id}\n  {message.Description}; next {Time(message.NextSendTime, message.TimeZoneId)}"
        + (message.Status == Domain.ScheduledMessages.MessageStatus.Rescheduled ? $" (retry {message.Attempts})" : string.Empty)
        + $"\n  {Preview(message.Content)}";

    [GeneratedRegex(@"\S{61,}")]
    private static partial Regex LongWord();
}
