namespace ScheduledMessages.Bot.Console;

/// <summary>
/// The console's standard output, shared by replies and delivered messages (which come from the
/// worker's thread), one whole block at a time.
/// </summary>
public sealed class ConsoleOutput(TextWriter writer)
{
    private readonly Lock _gate = new();

    public ConsoleOutput()
        : this(System.Console.Out)
    {
    }

    /// <summary>Writes without a line break (the prompt).</summary>
    public void Write(string text)
    {
        lock (_gate)
        {
            writer.Write(text);
            writer.Flush();
        }
    }

    public void WriteBlock(string text)
    {
        lock (_gate)
        {
            writer.WriteLine(text);
            writer.Flush();
        }
    }
}
