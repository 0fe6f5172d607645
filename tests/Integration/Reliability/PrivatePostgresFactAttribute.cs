namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// A test that stops and starts PostgreSQL under a running bot. The suite's server (the one in
/// <c>SCHEDULER_TEST_POSTGRES</c>, or Testcontainers') serves every other test at the same time, so
/// this one needs a server of its own, started from the local PostgreSQL binaries
/// (<see cref="PrivatePostgresCluster"/>); where there are none it is skipped, saying why, rather than failing.
/// </summary>
public sealed class PrivatePostgresFactAttribute : FactAttribute
{
    public PrivatePostgresFactAttribute()
    {
        if (PrivatePostgresCluster.FindBinaries(out var reason) is null)
        {
            Skip = $"Needs a PostgreSQL server of its own to stop and start, and cannot start one here: {reason}. "
                + "The suite's shared server cannot be stopped; install the postgresql package (initdb, pg_ctl) to run this test.";
        }
    }
}
