using ScheduledMessages.Architecture.Rules;
using ScheduledMessages.Architecture.Violations.Grammar;
using ScheduledMessages.Grammar;
using static ScheduledMessages.Architecture.Rules.DependencyRules;
using static ScheduledMessages.Architecture.Rules.ReferenceRules;

namespace ScheduledMessages.Architecture;

public sealed class GrammarRulesTests
{
    [Fact]
    public void Grammar_depends_on_the_Domain_and_NodaTime_only() =>
        RuleAssert.Holds(GrammarDependsOnTheDomainAndNodaTimeOnly(Layers.Grammar));

    [Fact]
    public void Grammar_rule_checks_the_parser_and_what_it_returns()
    {
        var checkedTypes = GrammarDependsOnTheDomainAndNodaTimeOnly(Layers.Grammar).Checked;

        Assert.Contains(typeof(ScheduleParser), checkedTypes);
        Assert.Contains(typeof(ScheduleSpec), checkedTypes);
        Assert.Contains(typeof(ScheduleGrammar), checkedTypes);
    }

    [Fact]
    public void Grammar_rule_fails_on_productions_using_Application_Infrastructure_the_Bot_EF_Core_or_Telegram()
    {
        var result = GrammarDependsOnTheDomainAndNodaTimeOnly(FakeLayers.Grammar);

        RuleAssert.FailsExactlyOn(
            result,
            typeof(ProductionAskingTheApplication),
            typeof(ProductionLookingUpInfrastructure),
            typeof(ProductionAnsweringThroughTheBot),
            typeof(ProductionQueryingADbContext),
            typeof(ProductionReplyingThroughTelegram));
        Assert.Contains(typeof(ProductionOnTheDomainAndNodaTime), result.Checked);
    }

    [Fact]
    public void Grammar_assembly_references_only_the_runtime_NodaTime_and_the_Domain() =>
        Assert.Empty(GrammarReferencesBeyondTheRuntimeNodaTimeAndDomain(Layers.GrammarAssembly.GetReferencedAssemblies()));

    [Fact]
    public void Grammar_reference_rule_reads_the_assembly_that_uses_the_Domain()
    {
        var references = Layers.GrammarAssembly.GetReferencedAssemblies().Select(reference => reference.Name);

        Assert.Contains(Layers.DomainAssembly.GetName().Name, references);
    }

    [Fact]
    public void Grammar_reference_rule_fails_on_packages_and_other_layers_and_only_on_those()
    {
        var beyond = GrammarReferencesBeyondTheRuntimeNodaTimeAndDomain(RuleAssert.References(
            "System.Runtime", "System.Text.RegularExpressions", "NodaTime", "ScheduledMessages.Domain",
            "ScheduledMessages.Application", "ScheduledMessages.Infrastructure", "ScheduledMessages.Bot",
            "Microsoft.EntityFrameworkCore", "Telegram.Bot", "ScheduledMessages.DomainTools"));

        Assert.Equal(
            ["ScheduledMessages.Application", "ScheduledMessages.Infrastructure", "ScheduledMessages.Bot",
             "Microsoft.EntityFrameworkCore", "Telegram.Bot", "ScheduledMessages.DomainTools"],
            beyond);
    }
}
