using System.Globalization;

namespace ScheduledMessages.Bench.Measuring;

/// <summary>Figures over a set of deliveries: rate, duplicates, lateness percentiles, spacing per chat.</summary>
public sealed record DeliverySummary(
    int Count,
    int Distinct,
    double FirstToLastSeconds,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms,
    double LatencyMaxMs,
    double? MinGapPerChatMs)
{
    public int Duplicates => Count - Distinct;

    public static DeliverySummary Of(IReadOnlyList<Delivery> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return new DeliverySummary(0, 0, 0, 0, 0, 0, 0, null);
        }

        var latencies = deliveries.Select(d => (double)(d.ReceivedUnixMs - d.DueUnixMs)).Order().ToArray();
        double? minGap = null;
        foreach (var chat in deliveries.GroupBy(d => d.ChatId).Where(g => g.Count() > 1))
        {
            var times = chat.Select(d => d.ReceivedUnixMs).Order().ToArray();
            for (var i = 1; i < times.Length; i++)
            {
                var gap = times[i] - times[i - 1];
                minGap = minGap is null || gap < minGap ? gap : minGap;
            }
        }

        var first = deliveries.Min(d => d.ReceivedUnixMs);
        var last = deliveries.Max(d => d.ReceivedUnixMs);
        return new DeliverySummary(
            deliveries.Count,
            deliveries.Select(d => d.Number).Distinct().Count(),
            (last - first) / 1000.0,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99),
            latencies[^1],
            minGap);
    }

    public string LatencyLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"due-to-sent latency p50 {LatencyP50Ms:F0} ms, p95 {LatencyP95Ms:F0} ms, p99 {LatencyP99Ms:F0} ms, max {LatencyMaxMs:F0} ms");

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
