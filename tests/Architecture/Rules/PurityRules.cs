namespace ScheduledMessages.Architecture.Rules;

/// <summary>
/// Types named <c>...Transitions</c> decide what happens to the model and nothing else: they use no
/// Application port (store, sender, signal, ...), no clock, no logging and no tasks, so that each
/// decision can be tested with plain values. Whoever calls them does the I/O.
/// </summary>
public static class PurityRules
{
    public const string TransitionsSuffix = "Transitions";

    public const string PortsNamespace = "ScheduledMessages.Application.Abstractions";

    /// <summary>The ports (the interfaces of <see cref="PortsNamespace"/>), the clock, logging, options and tasks.</summary>
    public static IReadOnlyList<string> ForbiddenToTransitions { get; } =
    [
        .. Layers.ApplicationAssembly.GetTypes()
            .Where(type => type.IsInterface && type.Namespace == PortsNamespace)
            .Select(type => type.FullName!),
        "NodaTime.IClock",
        "Microsoft.Extensions.Logging",
        "Microsoft.Extensions.Options",
        "System.Threading.Tasks",
    ];

    public static RuleResult TransitionsUseNoPortClockLoggingOrTasks(Scope scope) =>
        RuleResult.Of(
            scope.Types().And().HaveNameEndingWith(TransitionsSuffix),
            types => types.ShouldNot().HaveDependencyOnAny([.. ForbiddenToTransitions]));
}
