namespace ScheduledMessages.Architecture.Rules;

/// <summary>
/// Which namespaces each layer's types may not use. NetArchTest matches a dependency by whole
/// namespace segments ("ScheduledMessages.Bot" does not take in "ScheduledMessages.Botany"), but a
/// package's types may sit under several roots, hence NpgsqlTypes beside Npgsql.
/// </summary>
public static class DependencyRules
{
    public static IReadOnlyList<string> PackagesOutsideTheDomain { get; } =
    [
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "NpgsqlTypes",
        "Telegram.Bot",
        "Microsoft.AspNetCore",
        "Mediator",
        "FluentValidation",
        "Ardalis",
        "Microsoft.Extensions",
    ];

    public static IReadOnlyList<string> PackagesOutsideTheApplication { get; } =
    [
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "NpgsqlTypes",
        "Telegram.Bot",
        "Microsoft.AspNetCore",
    ];

    /// <summary>The grammar reads words into domain values: the Domain and NodaTime, nothing else.</summary>
    public static IReadOnlyList<string> NamespacesForbiddenToGrammar { get; } =
        [.. PackagesOutsideTheDomain, .. RootsOf(Layers.Application, Layers.Infrastructure, Layers.Bot)];

    /// <summary>What the grammar may not use, and the grammar itself: it is built on the Domain, not in it.</summary>
    public static IReadOnlyList<string> NamespacesForbiddenToDomain { get; } =
        [.. NamespacesForbiddenToGrammar, .. RootsOf(Layers.Grammar)];

    public static IReadOnlyList<string> NamespacesForbiddenToApplication { get; } =
        [.. PackagesOutsideTheApplication, .. RootsOf(Layers.Infrastructure, Layers.Bot)];

    public static IReadOnlyList<string> NamespacesForbiddenToInfrastructure { get; } = RootsOf(Layers.Bot);

    public static RuleResult DomainDependsOnNoOtherLayerAndNoPackageButNodaTime(Scope domain) =>
        DependsOnNone(domain, NamespacesForbiddenToDomain);

    /// <summary>
    /// How messages are stored as JSON is the store's business (ADR 0700). System.Text.Json ships
    /// with the runtime, so the package rules and the assembly references do not catch it.
    /// </summary>
    public static RuleResult DomainDoesNotUseSystemTextJson(Scope domain) =>
        DependsOnNone(domain, ["System.Text.Json"]);

    public static RuleResult GrammarDependsOnTheDomainAndNodaTimeOnly(Scope grammar) =>
        DependsOnNone(grammar, NamespacesForbiddenToGrammar);

    public static RuleResult ApplicationDependsOnNoPersistenceTelegramWebOrOuterLayer(Scope application) =>
        DependsOnNone(application, NamespacesForbiddenToApplication);

    public static RuleResult InfrastructureDoesNotDependOnBot(Scope infrastructure) =>
        DependsOnNone(infrastructure, NamespacesForbiddenToInfrastructure);

    private static RuleResult DependsOnNone(Scope scope, IReadOnlyList<string> namespaces) =>
        RuleResult.Of(scope.Types(), types => types.ShouldNot().HaveDependencyOnAny([.. namespaces]));

    private static string[] RootsOf(params Scope[] layers) => [.. layers.SelectMany(layer => layer.RootNamespaces)];
}
