using FluentValidation;
using Mediator;

namespace ScheduledMessages.Application.Common;

/// <summary>
/// Runs every validator of a message before its handler; an invalid message is answered with an
/// <see cref="UseCaseFailure.Invalid"/> failure naming each problem, and its handler never runs.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private readonly IValidator<TMessage>[] _validators;

    public ValidationBehavior(IEnumerable<IValidator<TMessage>> validators) => _validators = [.. validators];

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var context = new ValidationContext<TMessage>(message);
        var problems = new List<string>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            problems.AddRange(result.Errors.Select(e => e.ErrorMessage));
        }

        if (problems.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var distinct = problems.Distinct().ToArray();
        return UseCaseFailureFactory<TResponse>.Create is { } create
            ? create(new UseCaseFailure.Invalid(distinct))
            : throw new ValidationException(string.Join(" ", distinct));
    }
}
