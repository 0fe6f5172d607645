using System.Text;
using NodaTime;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Chats.GetSettings;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.Create;
using ScheduledMessages.Grammar;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// /schedule: a message once, daily, weekly, monthly, or every N minutes/hours; the reply has
/// Cancel and Pause buttons. Several at once: "/schedule" alone on the first line, then one
/// schedule a line (or several lines each starting with /schedule), each line answered.
/// </summary>
public sealed class ScheduleBotCommand : IBotCommand
{
    /// <summary>The most schedules one message may hold.</summary>
    public const int MaxBatch = 20;

    public string Name => "schedule";

    public string Description => "Schedule a message: once, daily, weekly, monthly or every N minutes";

    public string Usage => ScheduleGrammar.Usage;

    public async ValueTask<BotReply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Arguments))
        {
            return $"Tell me when and what to send.\n\n{Usage}";
        }

        var settings = await context.Mediator.Send(new GetChatSettings(context.ChatId), cancellationToken);
        if (!settings.IsSuccess)
        {
            return ChatFormat.Failure(settings.Failure!, Usage);
        }

        var items = Items(context.Message.Text, context.Arguments);
        if (items.Count == 1)
        {
            var single = await ScheduleAsync(context, settings.Value, items[0], cancellationToken);
            return single.Message is { } message
                ? MessageButtons.Reply(ChatFormat.Scheduled(message), message)
                : single.Problem!;
        }

        if (items.Count > MaxBatch)
        {
            return $"That is {items.Count} schedules; one message may hold at most {MaxBatch}. Nothing was scheduled.";
        }

        // Each line answered on its own, whatever became of the others.
        var text = new StringBuilder();
        var done = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (message, problem) = await ScheduleAsync(context, settings.Value, items[i], cancellationToken, withUsage: false);
            text.Append($"\n\n{i + 1}. ");
            if (message is null)
            {
                text.Append($"\"{ChatFormat.Preview(items[i])}\": {problem}");
                continue;
            }

            done++;
            text.Append($"Scheduled {message.Description}, next {ChatFormat.Time(message.NextSendTime, message.TimeZoneId)} ({message.TimeZoneId}).")
                .Append($"\nID: {message.Id} (short: {MessageIds.ShortForm(message.Id)})")
                .Append($"\nText: {ChatFormat.Preview(message.Content)}");
        }

        var hint = done < items.Count ? "\n\nThe forms are shown by /help schedule." : string.Empty;
        return $"Scheduled {done} of {items.Count}:{text}{hint}";
    }

    /// <summary>
    /// The schedules a /schedule message holds: normally one (its text may span lines); one a line
    /// when the first line is "/schedule" alone; or one per line starting with /schedule.
    /// </summary>
    public static IReadOnlyList<string> Items(string messageText, string arguments)
    {
        var lines = messageText.TrimStart().ReplaceLineEndings("\n").Split('\n');
        if (CommandLine.Parse(lines[0]) is not { } first)
        {
            return [arguments];
        }

        if (first.Arguments.Length == 0)
        {
            return [.. lines.Skip(1)
                .Select(line => line.Trim())
                .Where(line => line.Length > 0)
                .Select(line => IsScheduleLine(line, out var rest) ? rest : line)];
        }

        if (!lines.Skip(1).Any(line => IsScheduleLine(line, out _)))
        {
            return [arguments];
        }

        var items = new List<StringBuilder> { new(first.Arguments) };
        foreach (var line in lines.Skip(1))
        {
            if (IsScheduleLine(line, out var rest))
            {
                items.Add(new StringBuilder(rest));
            }
            else
            {
                items[^1].Append('\n').Append(line);
            }
        }

        return [.. items.Select(item => item.ToString().Trim())];
    }

    private static bool IsScheduleLine(string line, out string arguments)
    {
        var command = CommandLine.Parse(line);
        arguments = command?.Arguments ?? string.Empty;
        return command is { Name: "schedule" };
    }

    private async ValueTask<(ScheduledMessageDto? Message, string? Problem)> ScheduleAsync(
        CommandContext context,
        ChatSettingsDto settings,
        string arguments,
        CancellationToken cancellationToken,
        bool withUsage = true)
    {
        var zone = DateTimeZoneProviders.Tzdb[settings.TimeZoneId];
        var parsed = ScheduleParser.Parse(arguments, settings.LocalNow.InZoneLeniently(zone));
        if (parsed.IsFailure)
        {
            var problem = ChatFormat.ShortenLongWords(parsed.Error!.Message);
            return (null, withUsage ? $"{problem}\n\n{Usage}" : problem);
        }

        var spec = parsed.Value;
        var result = await context.Mediator.Send(
            new CreateScheduledMessage(
                context.ChatId,
                context.UserId,
                spec.Content,
                spec.Recurrence,
                spec.Start,
                spec.Priority ?? ScheduledMessage.DefaultPriority,
                spec.DeliveryWindow,
                context.IsPrivateChat),
            cancellationToken);

        if (result.IsSuccess)
        {
            return (result.Value, null);
        }

        return (null, withUsage ? ChatFormat.Failure(result.Failure!, Usage) : FailureText.For(result.Failure!).ReplaceLineEndings(" "));
    }
}
