using Microsoft.Extensions.Options;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Bot.Console;

/// <summary>
/// The local chat: each line of standard input is a message from the person, each reply is
/// printed. It goes through the same conversation, commands and use cases as Telegram. End of
/// input stops the bot cleanly.
/// </summary>
public sealed partial class ConsoleChat(
    IServiceScopeFactory scopes,
    ConsoleOutput output,
    IOptions<ConsoleChatOptions> options,
    IHostApplicationLifetime lifetime,
    TextReader input,
    ILogger<ConsoleChat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first prompt comes after the host has started (migrations applied, banner printed).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var interactive = !System.Console.IsInputRedirected;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (interactive)
            {
                output.Write("> ");
            }

            string? line;
            try
            {
                // A blocking read cannot be cancelled; abandon it on shutdown instead.
                line = await Task.Run(() => input.ReadLine(), CancellationToken.None).WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                output.WriteBlock("End of input: stopping.");
                lifetime.StopApplication();
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            await AnswerAsync(line, stoppingToken);
        }
    }

    private async Task AnswerAsync(string line, CancellationToken cancellationToken)
    {
        var message = new IncomingMessage(options.Value.ChatId, options.Value.UserId, ChatKind.Private, line);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reply = await scope.ServiceProvider.GetRequiredService<ConversationHandler>().HandleAsync(message, cancellationToken);
            if (reply is not null)
            {
                output.WriteBlock(Render(reply));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && TransientFailure.IsTransient(e))
        {
            LogTransient(logger, e.GetType().Name);
            output.WriteBlock("The database did not answer; nothing was changed. Please send that again in a moment.");
        }
    }

    /// <summary>The reply with its buttons shown as the commands that do the same, since a console has no buttons.</summary>
    public static string Render(BotReply reply) =>
        reply.HasButtons
            ? reply.Text + "\n" + string.Join('\n', reply.Buttons!.Select(row => string.Join("  ", row.Select(Render))))
            : reply.Text;

    private static string Render(ReplyButton button) =>
        button.Command is null ? $"[{button.Label}]" : $"[{button.Label}: {button.Command}]";

    [LoggerMessage(Level = LogLevel.Warning, Message = "A console command failed transiently ({Error})")]
    private static partial void LogTransient(ILogger logger, string error);
}
