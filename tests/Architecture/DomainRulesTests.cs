using NodaTime;
using ScheduledMessages.Architecture.Rules;
using ScheduledMessages.Architecture.Violations.Domain;
using ScheduledMessages.Domain.Common;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;
using static ScheduledMessages.Architecture.Rules.DependencyRules;
using static ScheduledMessages.Architecture.Rules.ReferenceRules;

namespace ScheduledMessages.Architecture;

public sealed class DomainRulesTests
{
    [Fact]
    public void Domain_depends_on_no_other_layer_and_no_package_but_NodaTime() =>
        RuleAssert.Holds(DomainDependsOnNoOtherLayerAndNoPackageButNodaTime(Layers.Domain));

    [Fact]
    public void Domain_rule_checks_the_domain_model()
    {
        var checkedTypes = DomainDependsOnNoOtherLayerAndNoPackageButNodaTime(Layers.Domain).Checked;

        Assert.Contains(typeof(ScheduledMessage), checkedTypes);
        Assert.Contains(typeof(Recurrence), checkedTypes);
        Assert.Contains(typeof(BackoffPolicy), checkedTypes);
        Assert.Contains(typeof(DomainError), checkedTypes);
    }

    [Fact]
    public void Domain_rule_fails_on_model_types_using_persistence_Telegram_web_mediator_validation_the_grammar_or_outer_layers()
    {
        var result = DomainDependsOnNoOtherLayerAndNoPackageButNodaTime(FakeLayers.Domain);

        RuleAssert.FailsExactlyOn(
            result,
            typeof(EntityHoldingADbContext),
            typeof(EntityOpeningANpgsqlConnection),
            typeof(EntityTypedByNpgsqlDbType),
            typeof(EntitySendingThroughTelegram),
            typeof(EntityReadingAnHttpContext),
            typeof(EventPublishedAsMediatorNotification),
            typeof(EntityValidatedByFluentValidation),
            typeof(EntityQueriedByASpecification),
            typeof(EntityLoggingThroughExtensions),
            typeof(EntityCallingAnApplicationPort),
            typeof(EntitySavedByInfrastructure),
            typeof(EntityDrivenByTheBot),
            typeof(EntityParsedByTheGrammar));
        Assert.Contains(typeof(EntityOnNodaTime), result.Checked);
        Assert.Contains(typeof(EntityUsingALookalikeNamespace), result.Checked);
    }

    [Fact]
    public void Domain_does_not_use_System_Text_Json() =>
        RuleAssert.Holds(DomainDoesNotUseSystemTextJson(Layers.Domain));

    [Fact]
    public void Json_rule_fails_on_model_types_holding_or_writing_json()
    {
        var result = DomainDoesNotUseSystemTextJson(FakeLayers.Domain);

        RuleAssert.FailsExactlyOn(result, typeof(EntityHoldingAJsonNode), typeof(EntitySerializingItself));
        Assert.Contains(typeof(EntityOnNodaTime), result.Checked);
        Assert.Contains(typeof(EntityHoldingADbContext), result.Checked);
    }

    [Fact]
    public void Domain_assembly_references_only_the_runtime_and_NodaTime() =>
        Assert.Empty(DomainReferencesBeyondTheRuntimeAndNodaTime(Layers.DomainAssembly.GetReferencedAssemblies()));

    [Fact]
    public void Domain_reference_rule_reads_the_assembly_that_uses_NodaTime()
    {
        var references = Layers.DomainAssembly.GetReferencedAssemblies().Select(reference => reference.Name);

        Assert.Contains(typeof(Instant).Assembly.GetName().Name, references);
    }

    [Fact]
    public void Domain_reference_rule_fails_on_an_assembly_that_uses_packages_and_other_layers()
    {
        var beyond = DomainReferencesBeyondTheRuntimeAndNodaTime(FakeLayers.TestAssembly.GetReferencedAssemblies());

        Assert.Contains("Microsoft.EntityFrameworkCore", beyond);
        Assert.Contains("Npgsql", beyond);
        Assert.Contains("Telegram.Bot", beyond);
        Assert.Contains("Microsoft.AspNetCore.Http.Abstractions", beyond);
        Assert.Contains("Mediator", beyond);
        Assert.Contains("FluentValidation", beyond);
        Assert.Contains("ScheduledMessages.Application", beyond);
        Assert.DoesNotContain("NodaTime", beyond);
        Assert.DoesNotContain("System.Runtime", beyond);
    }

    [Fact]
    public void Domain_reference_rule_tells_the_runtime_from_packages_named_like_it()
    {
        var beyond = DomainReferencesBeyondTheRuntimeAndNodaTime(RuleAssert.References(
            "System.Runtime", "System.Collections", "netstandard", "mscorlib", "Microsoft.Win32.Primitives",
            "NodaTime", "System.Linq.Dynamic.Core", "NodaTime.Serialization.SystemTextJson", "ScheduledMessages.Bot"));

        Assert.Equal(["System.Linq.Dynamic.Core", "NodaTime.Serialization.SystemTextJson", "ScheduledMessages.Bot"], beyond);
    }
}
