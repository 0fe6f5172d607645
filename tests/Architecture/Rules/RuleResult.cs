using NetArchTest.Rules;

namespace ScheduledMessages.Architecture.Rules;

/// <summary>
/// What a rule looked at and which of those types break it: a rule that looked at nothing holds
/// for the wrong reason, so the tests check both.
/// </summary>
public sealed record RuleResult(IReadOnlyList<Type> Checked, IReadOnlyList<Type> Failing)
{
    public bool Holds => Failing.Count == 0;

    public static RuleResult Of(PredicateList selection, Func<PredicateList, ConditionList> expectation)
    {
        var result = expectation(selection).GetResult();
        return new RuleResult([.. selection.GetTypes()], [.. result.FailingTypes ?? []]);
    }

    public override string ToString() =>
        Holds
            ? $"holds for {Checked.Count} types"
            : $"broken by {string.Join(", ", Failing.Select(type => type.FullName))}";
}
