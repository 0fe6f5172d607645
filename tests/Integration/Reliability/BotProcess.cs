using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ScheduledMessages.Bot.Hosting;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// The bot as it runs in production: a separate <c>dotnet ScheduledMessages.Bot.dll</c> process,
/// configured only through environment variables, on its own loopback port. It can be killed with
/// SIGKILL (<see cref="KillAsync"/>) to simulate a crash; everything it writes to stdout and stderr is kept.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    /// <summary>How long a process gets to become ready (start-up on a busy 2-core machine is slow).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private BotProcess(Process process, string name, int port)
    {
        _process = process;
        Name = name;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>A client for the process's own endpoints (health, webhook).</summary>
    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get { lock (_gate) { return _output.ToString(); } }
    }

    /// <summary>
    /// The settings every process gets: the double's token and address, the database, no sending
    /// limits (the double enforces none either), a 1 s poll and Information logs; <paramref name="overrides"/> win.
    /// Keys use ':' and become environment variables with '__'.
    /// </summary>
    public static Dictionary<string, string?> Settings(BotApiDouble api, string connectionString, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Telegram:BotToken"] = api.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:Limits:Enabled"] = "false",
            ["ConnectionStrings:Scheduler"] = connectionString,
            ["Scheduler:PollInterval"] = "00:00:01",
            ["Scheduler:DefaultTimeZone"] = "UTC",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts the bot on a free loopback port; it may not be ready yet (<see cref="WaitUntilReadyAsync"/>).</summary>
    public static BotProcess Start(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var botDll = typeof(BotApplication).Assembly.Location;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(botDll);

        // Nothing inherited from the test run may configure the bot: only what the test says.
        foreach (var key in start.Environment.Keys
                     .Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
                     .ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new BotProcess(Process.Start(start)!, name, port);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (database reachable), failing early if the process exits.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        await Eventually.HoldsAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}. Output:\n{Output}");
                }

                return await IsReadyAsync();
            },
            timeout ?? StartTimeout,
            () => $"{Name} did not become ready. Output:\n{Output}");
    }

    /// <summary>True when <c>/health/ready</c> answers 200 now.</summary>
    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var ready = await Http.GetAsync(new Uri("health/ready", UriKind.Relative));
            return ready.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Posts <paramref name="json"/> to the process's webhook as Telegram does, with <paramref name="secret"/>.</summary>
    public async Task<HttpResponseMessage> PostUpdateAsync(string json, string secret)
    {
        using var request = EndToEnd.BotFixture.WebhookRequest(json, secret);
        return await Http.SendAsync(request);
    }

    /// <summary>SIGKILL (kill -9): the process dies at once, with sends and writes in flight.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>For <see cref="Xunit.Abstractions.ITestOutputHelper"/>: the tail of the output.</summary>
    public string Tail(int lines = 40)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Append(line).Append('\n');
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
