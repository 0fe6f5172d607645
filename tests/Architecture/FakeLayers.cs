using System.Reflection;
using ScheduledMessages.Architecture.Rules;

namespace ScheduledMessages.Architecture;

/// <summary>
/// Scopes over the deliberate violations in this test assembly, shaped like the real layers so each
/// rule can be run, unchanged, against types that break it.
/// </summary>
public static class FakeLayers
{
    public static Assembly TestAssembly { get; } = typeof(FakeLayers).Assembly;

    public static Scope Domain { get; } = Fake("Domain");

    public static Scope Application { get; } = Fake("Application");

    public static Scope Grammar { get; } = Fake("Grammar");

    public static Scope Infrastructure { get; } = Fake("Infrastructure");

    public static Scope Handlers { get; } = Fake("Handlers");

    public static Scope Validators { get; } = Fake("Validators");

    public static Scope Transitions { get; } = Fake("Transitions");

    private static Scope Fake(string name) =>
        new($"fake {name}", TestAssembly, $"ScheduledMessages.Architecture.Violations.{name}");
}
