using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Commands;

/// <summary>
/// A command whose replies carry buttons. The command class itself implements this next to
/// <see cref="IBotCommand"/>: its buttons' callback data start with one of <see cref="ButtonKeys"/>
/// (<see cref="CallbackData"/>), and presses are routed back to it, so a command stays one class.
/// </summary>
public interface IButtonCommand
{
    /// <summary>The short keys that start this command's callback data, e.g. "c"; unique across commands.</summary>
    IReadOnlyCollection<string> ButtonKeys { get; }

    /// <summary>Carries out a press of one of this command's buttons.</summary>
    ValueTask<ButtonAnswer> PressAsync(ButtonContext context, CancellationToken cancellationToken);
}
