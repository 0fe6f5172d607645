namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// A test that stops and starts PostgreSQL under a running bot. The suite's server (the one in
/// <c>SCHEDULER_TEST_POSTGRES</c>, or Testcontainers') serves every other test at the same time, so
/// this one needs a server of its own, started from the local PostgreSQL binaries
/// (<see cref="PrivatePostgresCluster"/>). Where there are none it is skipped, saying why, on a
/// developer's machine; in CI (<c>CI=true</c>, where ./test.sh installs PostgreSQL) it runs and fails
/// instead, so a missing server can never pass unnoticed.
/// </summary>
public sealed class PrivatePostgresFactAttribute : FactAttribute
{
    public PrivatePostgresFactAttribute()
    {
        if (PrivatePostgresCluster.FindBinaries(out var reason) is null
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Needs a PostgreSQL server of its own to stop and start, and cannot start one here: {reason}. "
                + "The suite's shared server cannot be stopped; install the postgresql package (initdb, pg_ctl) to run this test.";
        }
    }
}
