using System.Reflection;

namespace ScheduledMessages.Application.Common;

/// <summary>
/// Builds a failed <typeparamref name="TResponse"/> when it is a <see cref="UseCaseResult{T}"/>.
/// Mediator's generator drops behaviors whose TResponse is constrained (martinothamar/Mediator#281),
/// so the behavior stays unconstrained and looks the factory up once per response type instead.
/// </summary>
internal static class UseCaseFailureFactory<TResponse>
{
    /// <summary>Null when <typeparamref name="TResponse"/> cannot carry a failure.</summary>
    public static readonly Func<UseCaseFailure, TResponse>? Create = Build();

    private static Func<UseCaseFailure, TResponse>? Build()
    {
        var type = typeof(TResponse);
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(UseCaseResult<>))
        {
            return null;
        }

        var fail = type.GetMethod(nameof(UseCaseResult<object>.Fail), BindingFlags.Public | BindingFlags.Static, [typeof(UseCaseFailure)])
            ?? throw new MissingMethodException(type.Name, nameof(UseCaseResult<object>.Fail));
        return fail.CreateDelegate<Func<UseCaseFailure, TResponse>>();
    }
}
