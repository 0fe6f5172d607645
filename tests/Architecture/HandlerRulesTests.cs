using ScheduledMessages.Architecture.Rules;
using ScheduledMessages.Architecture.Violations.Handlers;
using ScheduledMessages.Application.Abstractions;
using static ScheduledMessages.Architecture.Rules.NamingRules;

namespace ScheduledMessages.Architecture;

public sealed class HandlerRulesTests
{
    private static readonly Scope ApplicationAndBot = Layers.Application.And(Layers.Bot);

    [Fact]
    public void Handlers_are_sealed_and_named_Handler() =>
        RuleAssert.Holds(HandlersAreSealedAndNamedHandler(ApplicationAndBot));

    [Fact]
    public void Handler_rule_looks_at_the_Application_and_Bot_types_and_checks_every_handler_among_them()
    {
        var scopeTypes = ApplicationAndBot.Types().GetTypes().ToList();
        var handlers = Layers.ApplicationAssembly.GetTypes().Concat(Layers.BotAssembly.GetTypes())
            .Where(type => type.IsClass && IsOurs(type) && IsHandler(type));

        Assert.Contains(typeof(IMessageSender), scopeTypes);
        Assert.All(handlers, handler => Assert.Contains(handler, HandlersAreSealedAndNamedHandler(ApplicationAndBot).Checked));
    }

    [Fact]
    public void Handler_rule_fails_on_unsealed_or_misnamed_handlers_found_by_interface_base_class_or_name()
    {
        var result = HandlersAreSealedAndNamedHandler(FakeLayers.Handlers);

        RuleAssert.FailsExactlyOn(
            result,
            typeof(UnsealedForgetCommandHandler),
            typeof(MessageSentReactor),
            typeof(EchoProcessor),
            typeof(EchoTemplate),
            typeof(LoudEcho),
            typeof(ReminderHandler));
        RuleAssert.ChecksExactly(
            result,
            typeof(CountQueryHandler),
            typeof(UnsealedForgetCommandHandler),
            typeof(MessageSentReactor),
            typeof(EchoProcessor),
            typeof(EchoTemplate),
            typeof(LoudEcho),
            typeof(ReminderHandler));
    }

    // Compiler-generated closures and the mediator generator's code are not ours to name.
    private static bool IsOurs(Type type) =>
        !type.Name.Contains('<', StringComparison.Ordinal)
        && (type.Namespace ?? string.Empty).StartsWith("ScheduledMessages.", StringComparison.Ordinal);
}
