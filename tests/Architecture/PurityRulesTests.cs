using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Architecture.Rules;
using ScheduledMessages.Architecture.Violations.Transitions;
using static ScheduledMessages.Architecture.Rules.PurityRules;

namespace ScheduledMessages.Architecture;

public sealed class PurityRulesTests
{
    [Fact]
    public void Transitions_use_no_port_clock_logging_or_tasks() =>
        RuleAssert.Holds(TransitionsUseNoPortClockLoggingOrTasks(Layers.Application));

    [Fact]
    public void Purity_rule_checks_the_dispatch_transitions_against_every_port()
    {
        Assert.Contains(typeof(DeliveryTransitions), TransitionsUseNoPortClockLoggingOrTasks(Layers.Application).Checked);
        Assert.Contains(typeof(IDispatchStore).FullName, ForbiddenToTransitions);
        Assert.Contains(typeof(IMessageSender).FullName, ForbiddenToTransitions);
        Assert.DoesNotContain(typeof(SendOutcome).FullName, ForbiddenToTransitions);
    }

    [Fact]
    public void Purity_rule_fails_on_transitions_that_send_store_read_the_clock_or_log_and_only_on_those()
    {
        var result = TransitionsUseNoPortClockLoggingOrTasks(FakeLayers.Transitions);

        RuleAssert.FailsExactlyOn(
            result,
            typeof(SendingTransitions),
            typeof(StoringTransitions),
            typeof(ClockReadingTransitions),
            typeof(LoggingTransitions));
        RuleAssert.ChecksExactly(
            result,
            typeof(SendingTransitions),
            typeof(StoringTransitions),
            typeof(ClockReadingTransitions),
            typeof(LoggingTransitions),
            typeof(PureTransitions));
        Assert.DoesNotContain(typeof(DeliveringAdapter), result.Checked);
    }
}
