using System.Collections.Concurrent;
using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Integration.Fixtures;

/// <summary>A message sender double: records every send and answers with a scripted outcome (delivered by default).</summary>
public sealed class RecordingMessageSender : IMessageSender
{
    private readonly ConcurrentQueue<(long ChatId, string Text)> _sends = new();
    private readonly ConcurrentDictionary<string, int> _countsByText = new(StringComparer.Ordinal);

    /// <summary>Decides each send's outcome; replace it to script failures.</summary>
    public Func<long, string, SendOutcome> Outcome { get; set; } = (_, _) => SendOutcome.Delivered;

    /// <summary>Runs before each send returns, e.g. to yield so dispatchers interleave.</summary>
    public Func<Task>? BeforeAnswer { get; set; }

    public IReadOnlyList<(long ChatId, string Text)> Sends => [.. _sends];

    public IReadOnlyDictionary<string, int> CountsByText => _countsByText;

    public async ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken)
    {
        _sends.Enqueue((chatId, text));
        _countsByText.AddOrUpdate(text, 1, (_, count) => count + 1);
        if (BeforeAnswer is { } before)
        {
            await before();
        }

        return Outcome(chatId, text);
    }
}
