using System.Threading.Channels;
using ScheduledMessages.Bot.Telegram.Replies;

namespace ScheduledMessages.Unit.Bot.Replies;

/// <summary>
/// A reply sender the test answers by hand: every attempt waits until the test completes it (or the
/// queue cancels it), so a test decides exactly when each send is over and how.
/// </summary>
public sealed class ScriptedReplySender : IReplySender
{
    /// <summary>How long a test waits for an attempt it expects: generous, it returns as soon as one comes.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<Attempt> _attempts = Channel.CreateUnbounded<Attempt>();

    public Task<ReplySendResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(reply, cancellationToken);
        _attempts.Writer.TryWrite(attempt);
        return attempt.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The next attempt the queue makes, in the order they were made.</summary>
    public async Task<Attempt> NextAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        return await _attempts.Reader.ReadAsync(patience.Token);
    }

    /// <summary>True when an attempt is waiting that no test has taken yet.</summary>
    public bool HasAttempt => _attempts.Reader.Count > 0;

    public sealed class Attempt(OutgoingReply reply, CancellationToken cancellationToken)
    {
        public OutgoingReply Reply { get; } = reply;

        public string Text => Reply.Text;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<ReplySendResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Sent() => Result.SetResult(ReplySendResult.Sent);

        public void RateLimited(TimeSpan retryAfter) => Result.SetResult(ReplySendResult.RateLimited(retryAfter));

        public void Failed(string error) => Result.SetResult(ReplySendResult.Failed(error));
    }
}
