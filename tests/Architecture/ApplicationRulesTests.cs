using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Architecture.Rules;
using ScheduledMessages.Architecture.Violations.Application;
using static ScheduledMessages.Architecture.Rules.DependencyRules;
using static ScheduledMessages.Architecture.Rules.ReferenceRules;

namespace ScheduledMessages.Architecture;

public sealed class ApplicationRulesTests
{
    [Fact]
    public void Application_depends_on_no_EF_Core_Npgsql_Telegram_ASP_NET_Core_Infrastructure_or_Bot() =>
        RuleAssert.Holds(ApplicationDependsOnNoPersistenceTelegramWebOrOuterLayer(Layers.Application));

    [Fact]
    public void Application_rule_checks_the_application_types()
    {
        var checkedTypes = ApplicationDependsOnNoPersistenceTelegramWebOrOuterLayer(Layers.Application).Checked;

        Assert.Contains(typeof(IMessageSender), checkedTypes);
        Assert.Contains(typeof(SendOutcome), checkedTypes);
    }

    [Fact]
    public void Application_rule_fails_on_use_cases_using_persistence_Telegram_web_or_outer_layers()
    {
        var result = ApplicationDependsOnNoPersistenceTelegramWebOrOuterLayer(FakeLayers.Application);

        RuleAssert.FailsExactlyOn(
            result,
            typeof(UseCaseQueryingADbContext),
            typeof(UseCaseOpeningANpgsqlConnection),
            typeof(UseCaseTypedByNpgsqlDbType),
            typeof(UseCaseCallingTelegram),
            typeof(UseCaseReadingAnHttpContext),
            typeof(UseCaseCallingInfrastructure),
            typeof(UseCaseCallingTheBot));
        Assert.Contains(typeof(UseCaseOnItsAllowedPackages), result.Checked);
    }

    [Fact]
    public void Application_assembly_references_no_EF_Core_Npgsql_Telegram_ASP_NET_Core_Infrastructure_or_Bot() =>
        Assert.Empty(ApplicationReferencesToPersistenceTelegramWebOrOuterLayers(Layers.ApplicationAssembly.GetReferencedAssemblies()));

    [Fact]
    public void Application_reference_rule_fails_on_each_forbidden_assembly_and_only_on_those()
    {
        var forbidden = ApplicationReferencesToPersistenceTelegramWebOrOuterLayers(RuleAssert.References(
            "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Relational", "EFCore.NamingConventions",
            "Npgsql", "Npgsql.EntityFrameworkCore.PostgreSQL", "Telegram.Bot", "Microsoft.AspNetCore.Http.Abstractions",
            "ScheduledMessages.Infrastructure", "ScheduledMessages.Bot",
            "ScheduledMessages.Domain", "Mediator", "FluentValidation", "Microsoft.Extensions.Logging.Abstractions",
            "Telegram.BotFramework", "ScheduledMessages.BotTools", "NpgsqlRest"));

        Assert.Equal(
            ["Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Relational", "EFCore.NamingConventions",
             "Npgsql", "Npgsql.EntityFrameworkCore.PostgreSQL", "Telegram.Bot", "Microsoft.AspNetCore.Http.Abstractions",
             "ScheduledMessages.Infrastructure", "ScheduledMessages.Bot"],
            forbidden);
    }

    [Fact]
    public void Application_reference_rule_fails_on_an_assembly_that_uses_EF_Core_Npgsql_Telegram_and_ASP_NET_Core()
    {
        var forbidden = ApplicationReferencesToPersistenceTelegramWebOrOuterLayers(FakeLayers.TestAssembly.GetReferencedAssemblies());

        Assert.Contains("Microsoft.EntityFrameworkCore", forbidden);
        Assert.Contains("Npgsql", forbidden);
        Assert.Contains("Telegram.Bot", forbidden);
        Assert.Contains("Microsoft.AspNetCore.Http.Abstractions", forbidden);
    }
}
