using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Unit.Application;

public sealed class InProcessDispatchSignalTests
{
    [Fact]
    public async Task A_notification_wakes_the_next_wait_once_however_many_arrived()
    {
        using var signal = new InProcessDispatchSignal();
        signal.Notify();
        signal.Notify();

        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_wait_wakes_when_notified_while_waiting()
    {
        using var signal = new InProcessDispatchSignal();

        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).AsTask();
        signal.Notify();

        Assert.True(await waiting);
    }

    [Fact]
    public async Task A_cancelled_wait_ends()
    {
        using var signal = new InProcessDispatchSignal();
        using var cts = new CancellationTokenSource();

        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(1), cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
