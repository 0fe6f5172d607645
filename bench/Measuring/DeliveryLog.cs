using System.Globalization;

namespace ScheduledMessages.Bench.Measuring;

/// <summary>
/// Every message the Bot API double (or the in-process sender) accepted, and every 429 it gave.
/// Bench messages read "bench {number} due {unix ms}", so lateness is measured on arrival.
/// </summary>
public sealed class DeliveryLog
{
    private readonly Lock _gate = new();
    private readonly List<Delivery> _deliveries = [];
    private int _rejected;

    public int Count
    {
        get { lock (_gate) { return _deliveries.Count; } }
    }

    public int Rejected
    {
        get { lock (_gate) { return _rejected; } }
    }

    /// <summary>The text of bench message <paramref name="number"/>, due at <paramref name="due"/>.</summary>
    public static string Text(long number, DateTimeOffset due) =>
        string.Create(CultureInfo.InvariantCulture, $"bench {number} due {due.ToUnixTimeMilliseconds()}");

    public void Record(long chatId, string text)
    {
        var received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var parts = text.Split(' ');
        var number = parts.Length == 4 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) ? n : -1;
        var due = parts.Length == 4 && long.TryParse(parts[3], CultureInfo.InvariantCulture, out var d) ? d : received;
        lock (_gate)
        {
            _deliveries.Add(new Delivery(number, chatId, due, received));
        }
    }

    public void RecordRejection()
    {
        lock (_gate)
        {
            _rejected++;
        }
    }

    public IReadOnlyList<Delivery> Snapshot()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _deliveries.Clear();
            _rejected = 0;
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages arrived; false if <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
