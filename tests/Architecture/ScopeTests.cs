using NetArchTest.Rules;
using ScheduledMessages.Architecture.Rules;
using ScheduledMessages.Architecture.Violations.Domain;
using ScheduledMessages.Architecture.Violations.DomainAdjacent;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Architecture;

public sealed class ScopeTests
{
    public static TheoryData<string> LayersWithDependencyRules => ["Domain", "Grammar", "Application", "Infrastructure"];

    [Theory]
    [MemberData(nameof(LayersWithDependencyRules))]
    public void Every_type_a_layer_compiles_lies_in_the_scope_its_rules_check(string layer)
    {
        var scope = layer switch
        {
            "Domain" => Layers.Domain,
            "Grammar" => Layers.Grammar,
            "Application" => Layers.Application,
            "Infrastructure" => Layers.Infrastructure,
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "not a layer with dependency rules"),
        };
        var inScope = scope.Types().GetTypes().ToHashSet();

        var outside = Types.InAssemblies(scope.Assemblies).GetTypes()
            .Where(type => !type.Name.StartsWith('<') && !(type.DeclaringType?.Name.StartsWith('<') ?? false))
            .Where(type => !inScope.Contains(type))
            .Select(type => type.FullName);

        Assert.Empty(outside);
    }

    [Fact]
    public void A_scope_takes_in_its_namespace_and_those_below_it()
    {
        var types = Layers.Domain.Types().GetTypes().ToList();

        Assert.Contains(typeof(ScheduledMessage), types);
        Assert.Contains(typeof(MonthDay), types);
    }

    [Fact]
    public void A_scope_leaves_out_a_namespace_that_only_starts_with_its_name()
    {
        // NetArchTest's own namespace filter is a plain prefix, which would take this type in.
        Assert.StartsWith(FakeLayers.Domain.RootNamespaces[0], typeof(EntityOutsideTheFakeDomain).Namespace, StringComparison.Ordinal);

        Assert.DoesNotContain(typeof(EntityOutsideTheFakeDomain), FakeLayers.Domain.Types().GetTypes());
        Assert.Contains(typeof(EntityHoldingADbContext), FakeLayers.Domain.Types().GetTypes());
    }
}
