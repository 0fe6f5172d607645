using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Cancel;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Application.ScheduledMessages.Create;
using ScheduledMessages.Bot.Composition;
using ScheduledMessages.Domain.Recurrences;

namespace ScheduledMessages.Unit.Application;

/// <summary>
/// The container the bot builds runs the validation behavior before every handler: an invalid
/// request is answered without touching the database (the connection string points nowhere).
/// </summary>
public sealed class ValidationPipelineTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Scheduler"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Password=x;Timeout=1",
            })
            .Build();
        _services = new ServiceCollection()
            .AddScheduler(configuration)
            .AddSingleton<IMessageSender, UnreachableSender>()
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();

    [Fact]
    public async Task An_invalid_command_is_answered_with_each_problem_and_its_handler_never_runs()
    {
        await using var scope = _services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var result = await mediator.Send(new CreateScheduledMessage(1, null, "", Recurrence.OneTime, null, Priority: 0));

        Assert.False(result.IsSuccess);
        Assert.Equal(
            ["The message text is empty.", "The priority must be 1 (highest) to 5 (lowest).", "A one-time message needs a date and time, e.g. 2030-06-01 09:00."],
            Assert.IsType<UseCaseFailure.Invalid>(result.Failure).Messages);
    }

    [Fact]
    public async Task Every_use_case_goes_through_the_behavior()
    {
        await using var scope = _services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var cancel = await mediator.Send(new CancelScheduledMessage(default, 1, null, IsPrivateChat: true));
        var dispatch = await mediator.Send(new DispatchDueMessages(""));

        Assert.IsType<UseCaseFailure.Invalid>(cancel.Failure);
        Assert.IsType<UseCaseFailure.Invalid>(dispatch.Failure);
    }

    [Fact]
    public async Task A_valid_command_reaches_its_handler()
    {
        await using var scope = _services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        // The handler runs and needs the (unreachable) database: proof the behavior let it through.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await mediator.Send(new CancelScheduledMessage(Guid.NewGuid(), 1, null, IsPrivateChat: true)));
    }

    /// <summary>Invalid requests never reach a handler, so nothing may be sent.</summary>
    private sealed class UnreachableSender : IMessageSender
    {
        public ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A handler ran for an invalid request.");
    }
}
