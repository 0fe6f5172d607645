using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using ScheduledMessages.Infrastructure.Persistence;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// A PostgreSQL server of this test's own (initdb into a temporary directory, a free port, pg_ctl),
/// so that it can be stopped and started without disturbing the shared server other tests use.
/// As root it runs as the <c>postgres</c> user (PostgreSQL refuses to run as root).
/// </summary>
public sealed class PrivatePostgresCluster : IAsyncDisposable
{
    private const string DatabaseName = "scheduler";

    private readonly string _bin;
    private readonly string _dataDirectory;
    private readonly bool _asPostgresUser;

    private PrivatePostgresCluster(string bin, string dataDirectory, int port, bool asPostgresUser)
    {
        _bin = bin;
        _dataDirectory = dataDirectory;
        Port = port;
        _asPostgresUser = asPostgresUser;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = DatabaseName,
            Timeout = 30,
        }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>The migrated database <c>scheduler</c> on this server.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The binaries' directory (PostgreSQL 15 preferred), or null with the reason when this machine
    /// cannot run a private server.
    /// </summary>
    public static string? FindBinaries(out string reason)
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d.EndsWith("/15", StringComparison.Ordinal)).ThenByDescending(d => d, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        var bin = candidates.Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")));
        reason = bin is null ? "no /usr/lib/postgresql/*/bin/initdb on this machine" : string.Empty;
        if (bin is not null && Environment.UserName == "root" && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            reason = "running as root without runuser to switch to the postgres user";
            return null;
        }

        return bin;
    }

    /// <summary>Creates, starts and migrates a private server.</summary>
    public static async Task<PrivatePostgresCluster> StartAsync(string bin)
    {
        var asPostgres = Environment.UserName == "root";
        var data = Path.Combine(Path.GetTempPath(), $"scheduler_pg_{Guid.NewGuid():N}");
        var cluster = new PrivatePostgresCluster(bin, data, FreePort(), asPostgres);
        await cluster.RunAsync("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        await cluster.StartServerAsync();

        var server = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync();
        }

        await SchedulerDatabase.MigrateAsync(cluster.ConnectionString);
        return cluster;
    }

    /// <summary>Starts the server (again) on the same port and waits until it accepts connections.</summary>
    public Task StartServerAsync() =>
        RunAsync(
            "pg_ctl", "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_dataDirectory} -c fsync=off -c max_connections=100",
            "start");

    /// <summary>Stops the server (fast: open connections are ended) and waits until it is down.</summary>
    public async Task StopServerAsync()
    {
        await RunAsync("pg_ctl", "-D", _dataDirectory, "-m", "fast", "-w", "-t", "60", "stop");
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "-t", "60", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_asPostgresUser)
        {
            start.FileName = File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "/sbin/runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(Path.Combine(_bin, program));
        }
        else
        {
            start.FileName = Path.Combine(_bin, program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The temporary directory is the postgres user's working directory too (root's may be unreadable to it).
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
