using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>The steps every command on one message shares: read the id, have the use case find and change the message in the chat, answer.</summary>
public static class OneMessage
{
    /// <summary>
    /// For a command whose only argument is one id: asks for it when missing, refuses several, and
    /// otherwise runs <paramref name="change"/> on the message it names.
    /// </summary>
    public static ValueTask<BotReply> RunOnOneIdAsync(
        CommandContext context,
        string usage,
        Func<MessageReference, ValueTask<UseCaseResult<ScheduledMessageDto>>> change,
        Func<ScheduledMessageDto, BotReply> success)
    {
        var words = MessageReferences.Words(context.Arguments);
        return words.Length switch
        {
            0 => ValueTask.FromResult<BotReply>($"Which message? Give its id.\n\n{usage}"),
            1 => RunAsync(context, words[0], usage, change, success),
            _ => ValueTask.FromResult<BotReply>($"Give one id.\n\n{usage}"),
        };
    }

    /// <summary>Runs <paramref name="change"/> on the message <paramref name="token"/> names in the command's chat.</summary>
    public static async ValueTask<BotReply> RunAsync(
        CommandContext context,
        string token,
        string usage,
        Func<MessageReference, ValueTask<UseCaseResult<ScheduledMessageDto>>> change,
        Func<ScheduledMessageDto, BotReply> success)
    {
        if (MessageReferences.Read(token, out var reference) is { } problem)
        {
            return $"{problem}\n\n{usage}";
        }

        var result = await change(reference);
        return result.IsSuccess ? success(result.Value) : ChatFormat.Failure(result.Failure!, usage);
    }

    /// <summary>
    /// Runs <paramref name="change"/> on the message a button's payload names (its whole id, 32 hex
    /// digits); the use case only finds it within the chat the button was pressed in.
    /// </summary>
    public static async ValueTask<ButtonAnswer> PressAsync(
        ButtonContext context,
        Func<MessageReference, ValueTask<UseCaseResult<ScheduledMessageDto>>> change,
        Func<ScheduledMessageDto, ButtonAnswer> success)
    {
        if (!Guid.TryParseExact(context.Payload, "N", out var id))
        {
            return ButtonAnswer.Note("This button no longer works. Send /scheduled for a fresh list.");
        }

        var result = await change(MessageReference.To(id));
        return result.IsSuccess ? success(result.Value) : ButtonAnswer.Note(Notice(FailureText.For(result.Failure!)));
    }

    /// <summary>A text cut to what Telegram shows for a button press.</summary>
    public static string Notice(string text) =>
        text.Length <= ButtonAnswer.MaxNoticeLength ? text : text[..(ButtonAnswer.MaxNoticeLength - 1)] + "…";
}
