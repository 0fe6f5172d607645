namespace ScheduledMessages.Architecture.Violations.Handlers;

/// <summary>
/// Breaks the handler rule: a handler only through its base class, and not named ...Handler; the
/// rule must see interfaces that come by inheritance.
/// </summary>
public sealed class LoudEcho : EchoTemplate
{
    protected override string Shape(string text) => text.ToUpperInvariant();
}
