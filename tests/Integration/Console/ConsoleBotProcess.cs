using System.Diagnostics;
using System.Text;
using ScheduledMessages.Bot.Hosting;

namespace ScheduledMessages.Integration.Console;

/// <summary>
/// The bot started as a person starts it with nothing configured: a separate process whose standard
/// input is the chat and whose standard output is read back. Its SQLite file is given by the test.
/// </summary>
public sealed class ConsoleBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
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
        _process.ErrorDataReceived += (_, _) => { };
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

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ConsoleBotProcess Start(string sqlitePath)
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
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["Storage__SqlitePath"] = sqlitePath;
        start.Environment["Scheduler__DefaultTimeZone"] = "UTC";
        start.Environment["Scheduler__PollInterval"] = "00:00:05";
        return new ConsoleBotProcess(Process.Start(start)!);
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
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
