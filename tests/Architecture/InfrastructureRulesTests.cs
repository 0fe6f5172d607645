using ScheduledMessages.Architecture.Rules;
using ScheduledMessages.Architecture.Violations.Infrastructure;
using static ScheduledMessages.Architecture.Rules.DependencyRules;
using static ScheduledMessages.Architecture.Rules.ReferenceRules;

namespace ScheduledMessages.Architecture;

public sealed class InfrastructureRulesTests
{
    [Fact]
    public void Infrastructure_does_not_depend_on_Bot() =>
        RuleAssert.Holds(InfrastructureDoesNotDependOnBot(Layers.Infrastructure));

    [Fact]
    public void Infrastructure_rule_fails_on_an_adapter_using_the_Bot_and_only_on_it()
    {
        var result = InfrastructureDoesNotDependOnBot(FakeLayers.Infrastructure);

        RuleAssert.FailsExactlyOn(result, typeof(AdapterCallingTheBot));
        Assert.Contains(typeof(AdapterOnItsAllowedPackages), result.Checked);
    }

    [Fact]
    public void Infrastructure_assembly_does_not_reference_Bot() =>
        Assert.Empty(InfrastructureReferencesToBot(Layers.InfrastructureAssembly.GetReferencedAssemblies()));

    [Fact]
    public void Infrastructure_reference_rule_fails_on_a_reference_to_the_Bot_and_only_on_it()
    {
        var forbidden = InfrastructureReferencesToBot(RuleAssert.References(
            "ScheduledMessages.Bot", "ScheduledMessages.BotTools", "Telegram.Bot", "ScheduledMessages.Application",
            "Microsoft.EntityFrameworkCore", "Npgsql"));

        Assert.Equal(["ScheduledMessages.Bot"], forbidden);
    }
}
