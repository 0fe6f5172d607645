using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.BotTools;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Architecture.Violations.Application;

/// <summary>
/// Keeps the application rule: the domain, its own ports, the mediator, validation and logging
/// are all allowed, and ScheduledMessages.BotTools only looks like the Bot's namespace.
/// </summary>
public sealed class UseCaseOnItsAllowedPackages
{
    public ScheduledMessage? Message { get; init; }

    public IMessageSender? Sender { get; init; }

    public ISender? Mediator { get; init; }

    public IValidator<string>? Validator { get; init; }

    public ILogger? Logger { get; init; }

    public BotToolsLookalike? Tools { get; init; }
}
