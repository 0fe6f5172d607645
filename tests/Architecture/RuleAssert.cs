using System.Reflection;
using ScheduledMessages.Architecture.Rules;

namespace ScheduledMessages.Architecture;

/// <summary>Assertions that name the offending types or assemblies when a rule is broken.</summary>
public static class RuleAssert
{
    public static void Holds(RuleResult result) => Assert.True(result.Holds, result.ToString());

    public static void FailsExactlyOn(RuleResult result, params Type[] offenders) =>
        Assert.Equal(Names(offenders), Names(result.Failing));

    public static void ChecksExactly(RuleResult result, params Type[] types) =>
        Assert.Equal(Names(types), Names(result.Checked));

    public static IEnumerable<AssemblyName> References(params string[] names) =>
        names.Select(name => new AssemblyName(name));

    private static string[] Names(IEnumerable<Type> types) =>
        [.. types.Select(type => type.FullName!).Order(StringComparer.Ordinal)];
}
