using ScheduledMessages.Architecture.Rules;
using ScheduledMessages.Architecture.Violations.Validators;
using static ScheduledMessages.Architecture.Rules.NamingRules;

namespace ScheduledMessages.Architecture;

public sealed class ValidatorRulesTests
{
    private static readonly Scope ApplicationAndBot = Layers.Application.And(Layers.Bot);

    [Fact]
    public void Validators_are_sealed_and_named_Validator() =>
        RuleAssert.Holds(ValidatorsAreSealedAndNamedValidator(ApplicationAndBot));

    [Fact]
    public void Validator_rule_checks_every_validator_of_Application_and_Bot()
    {
        var validators = Layers.ApplicationAssembly.GetTypes().Concat(Layers.BotAssembly.GetTypes())
            .Where(type => type.IsClass && !type.Name.Contains('<', StringComparison.Ordinal) && IsValidator(type));

        Assert.All(validators, validator => Assert.Contains(validator, ValidatorsAreSealedAndNamedValidator(ApplicationAndBot).Checked));
    }

    [Fact]
    public void Validator_rule_fails_on_unsealed_or_misnamed_validators_found_by_base_class_or_name()
    {
        var result = ValidatorsAreSealedAndNamedValidator(FakeLayers.Validators);

        RuleAssert.FailsExactlyOn(
            result,
            typeof(UnsealedRenameValidator),
            typeof(RenameCommandRules),
            typeof(RenameInlineChecks),
            typeof(SecretValidator));
        RuleAssert.ChecksExactly(
            result,
            typeof(RenameCommandValidator),
            typeof(UnsealedRenameValidator),
            typeof(RenameCommandRules),
            typeof(RenameInlineChecks),
            typeof(SecretValidator));
    }
}
