using FluentValidation;
using Mediator;

namespace ScheduledMessages.Architecture.Rules;

/// <summary>
/// Handlers and validators are found by what they are (a Mediator handler interface, a FluentValidation
/// base class) or by what they are called, then must be sealed and carry the right suffix.
/// </summary>
public static class NamingRules
{
    public static IReadOnlyList<Type> HandlerInterfaces { get; } =
    [
        typeof(ICommandHandler<>),
        typeof(ICommandHandler<,>),
        typeof(IQueryHandler<,>),
        typeof(IRequestHandler<>),
        typeof(IRequestHandler<,>),
        typeof(INotificationHandler<>),
        typeof(IStreamCommandHandler<,>),
        typeof(IStreamQueryHandler<,>),
        typeof(IStreamRequestHandler<,>),
    ];

    public const string HandlerSuffix = "Handler";

    public const string ValidatorSuffix = "Validator";

    public static RuleResult HandlersAreSealedAndNamedHandler(Scope scope) =>
        SealedAndNamed(scope, new TypeKindRule(IsHandler), HandlerSuffix);

    public static RuleResult ValidatorsAreSealedAndNamedValidator(Scope scope) =>
        SealedAndNamed(scope, new TypeKindRule(IsValidator), ValidatorSuffix);

    public static bool IsHandler(Type type) =>
        IsNamed(type, HandlerSuffix)
        || type.GetInterfaces().Any(implemented =>
            implemented.IsGenericType && HandlerInterfaces.Contains(implemented.GetGenericTypeDefinition()));

    public static bool IsValidator(Type type) =>
        IsNamed(type, ValidatorSuffix)
        || BaseTypes(type).Any(baseType => baseType.IsGenericType && baseType.GetGenericTypeDefinition() == typeof(AbstractValidator<>));

    private static RuleResult SealedAndNamed(Scope scope, TypeKindRule kind, string suffix) =>
        RuleResult.Of(
            scope.Types().And().AreClasses().And().MeetCustomRule(kind),
            types => types.Should().BeSealed().And().HaveNameEndingWith(suffix));

    private static bool IsNamed(Type type, string suffix) => type.Name.EndsWith(suffix, StringComparison.Ordinal);

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            yield return baseType;
        }
    }
}
