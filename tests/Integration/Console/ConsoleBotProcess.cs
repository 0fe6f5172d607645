using System.Diagnostics;
using System.Text;
using ScheduledMessages.Bot.Hosting;

namespace ScheduledMessages.Integration.Console;

/// <summary>
/// The bot started as a person starts it with nothing configured (<c>dotnet run</c>: the Development
/// environment): a separate process whose standard input is the chat and whose standard output is
/// read back. Its SQLite file is given by the test; <see cref="Start(string, IReadOnlyDictionary{string, string?}, string[])"/>
/// starts it in another environment, with other settings or arguments.
/// </summary>
public sealed class ConsoleBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Lock _gate = new();

    private ConsoleBotProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_gate)
                {
                    _output.Append(e.Data).Append('\n');
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_gate)
                {
                    _errors.Append(e.Data).Append('\n');
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Everything the process wrote to standard error so far (logs, a refusal to start).</summary>
    public string Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToString();
            }
        }
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The console chat on <paramref name="sqlitePath"/>, in the Development environment as <c>dotnet run</c> gives it.</summary>
    public static ConsoleBotProcess Start(string sqlitePath) =>
        Start("Development", new Dictionary<string, string?> { ["Storage:SqlitePath"] = sqlitePath });

    /// <summary>
    /// The bot in <paramref name="environment"/> with <paramref name="settings"/> (keys with ':') and
    /// <paramref name="args"/>; no token, connection string or environment is inherited from the test run.
    /// </summary>
    public static ConsoleBotProcess Start(string environment, IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var botDll = typeof(BotApplication).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(botDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys
                     .Where(k => k.StartsWith("Telegram__", StringComparison.OrdinalIgnoreCase)
                                 || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                                 || k.Equals("Transport", StringComparison.OrdinalIgnoreCase)
                                 || k.EndsWith("_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
                     .ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["Scheduler__DefaultTimeZone"] = "UTC";
        start.Environment["Scheduler__PollInterval"] = "00:00:05";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new ConsoleBotProcess(Process.Start(start)!);
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the process to exit by itself (a refusal to start), returning its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Closes standard input (end of input) and waits for the process to exit.</summary>
    public async Task<int> EndInputAsync(TimeSpan timeout)
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits until the output holds <paramref name="text"/> (after <paramref name="from"/>), returning its index.</summary>
    public async Task<int> WaitForAsync(string text, TimeSpan timeout, int from = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var output = Output;
            var index = output.IndexOf(text, from, StringComparison.Ordinal);
            if (index >= 0)
            {
                return index;
            }

            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"'{text}' did not appear. Output so far:\n{output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until <paramref name="pattern"/> matches the whole output so far, returning the match.</summary>
    public async Task<System.Text.RegularExpressions.Match> WaitForMatchAsync(System.Text.RegularExpressions.Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var output = Output;
            var match = pattern.Match(output);
            if (match.Success)
            {
                return match;
            }

            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"Nothing matched {pattern}. Output so far:\n{output}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
