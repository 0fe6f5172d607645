namespace ScheduledMessages.Bench.Measuring;

/// <summary>Samples this process's resident memory and managed heap every 50 ms and keeps the peaks.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peakWorkingSet;
    private long _peakManaged;

    public MemorySampler()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public double PeakWorkingSetMb => Interlocked.Read(ref _peakWorkingSet) / 1024.0 / 1024.0;

    public double PeakManagedMb => Interlocked.Read(ref _peakManaged) / 1024.0 / 1024.0;

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }

    private void Sample()
    {
        Max(ref _peakWorkingSet, Environment.WorkingSet);
        Max(ref _peakManaged, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Max(ref long peak, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, current) != current)
        {
        }
    }
}
