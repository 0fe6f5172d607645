using ScheduledMessages.Application.Abstractions;

namespace ScheduledMessages.Application.Common;

/// <summary>
/// For transports without groups (the console) and tests: nobody administers a group, so in a
/// group only a message's author may change it.
/// </summary>
public sealed class NoChatAdministrators : IChatAdministrators
{
    public ValueTask<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);
}
