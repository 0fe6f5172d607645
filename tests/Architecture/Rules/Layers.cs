using System.Reflection;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Domain.ScheduledMessages;
using ScheduledMessages.Grammar;

namespace ScheduledMessages.Architecture.Rules;

/// <summary>The production layers: each one assembly whose types live under its own namespace.</summary>
public static class Layers
{
    public static Assembly DomainAssembly { get; } = typeof(ScheduledMessage).Assembly;

    public static Assembly ApplicationAssembly { get; } = typeof(IMessageSender).Assembly;

    public static Assembly GrammarAssembly { get; } = typeof(ScheduleParser).Assembly;

    // Neither has a public type to name yet (the host's Program is internal), so they load by name:
    // a wrong name throws instead of quietly checking some other assembly.
    public static Assembly InfrastructureAssembly { get; } = Assembly.Load(new AssemblyName("ScheduledMessages.Infrastructure"));

    public static Assembly BotAssembly { get; } = Assembly.Load(new AssemblyName("ScheduledMessages.Bot"));

    public static Scope Domain { get; } = new("Domain", DomainAssembly, "ScheduledMessages.Domain");

    public static Scope Application { get; } = new("Application", ApplicationAssembly, "ScheduledMessages.Application");

    public static Scope Grammar { get; } = new("Grammar", GrammarAssembly, "ScheduledMessages.Grammar");

    public static Scope Infrastructure { get; } = new("Infrastructure", InfrastructureAssembly, "ScheduledMessages.Infrastructure");

    public static Scope Bot { get; } = new("Bot", BotAssembly, "ScheduledMessages.Bot");
}
