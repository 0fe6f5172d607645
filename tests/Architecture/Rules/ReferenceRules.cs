using System.Reflection;
using System.Runtime.InteropServices;

namespace ScheduledMessages.Architecture.Rules;

/// <summary>
/// The same boundaries seen from the compiled assembly: which assemblies it references. The
/// compiler keeps a reference only when a type from it is used, so a use the namespace rules might
/// miss (a package whose types live under an unexpected root) still shows here.
/// </summary>
public static class ReferenceRules
{
    public static IReadOnlyList<string> AssembliesForbiddenToApplication { get; } =
    [
        "Microsoft.EntityFrameworkCore",
        "EFCore",
        "Npgsql",
        "Telegram.Bot",
        "Microsoft.AspNetCore",
        NameOf(Layers.InfrastructureAssembly),
        NameOf(Layers.BotAssembly),
    ];

    public static IReadOnlyList<string> AssembliesForbiddenToInfrastructure { get; } = [NameOf(Layers.BotAssembly)];

    private static readonly string RuntimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();

    /// <summary>References that are neither NodaTime nor part of the .NET runtime itself.</summary>
    public static IReadOnlyList<string> DomainReferencesBeyondTheRuntimeAndNodaTime(IEnumerable<AssemblyName> references) =>
        Beyond(references, "NodaTime");

    /// <summary>References that are neither the Domain, NodaTime nor part of the .NET runtime itself.</summary>
    public static IReadOnlyList<string> GrammarReferencesBeyondTheRuntimeNodaTimeAndDomain(IEnumerable<AssemblyName> references) =>
        Beyond(references, "NodaTime", NameOf(Layers.DomainAssembly));

    public static IReadOnlyList<string> ApplicationReferencesToPersistenceTelegramWebOrOuterLayers(IEnumerable<AssemblyName> references) =>
        Forbidden(references, AssembliesForbiddenToApplication);

    public static IReadOnlyList<string> InfrastructureReferencesToBot(IEnumerable<AssemblyName> references) =>
        Forbidden(references, AssembliesForbiddenToInfrastructure);

    // A name is forbidden when it is a listed name or lies below one ("Npgsql.EntityFrameworkCore..."),
    // never merely because it starts with the same letters ("Telegram.BotFramework").
    private static string[] Forbidden(IEnumerable<AssemblyName> references, IReadOnlyList<string> roots) =>
        [.. Names(references).Where(name => roots.Any(root => name == root || name.StartsWith(root + ".", StringComparison.Ordinal)))];

    private static string[] Beyond(IEnumerable<AssemblyName> references, params string[] allowed) =>
        [.. Names(references).Where(name => !allowed.Contains(name) && !IsPartOfTheRuntime(name))];

    // Facades such as System.Runtime, netstandard and mscorlib ship in the runtime directory too;
    // a NuGet package named System.Something does not, so a name pattern would let it through.
    private static bool IsPartOfTheRuntime(string name) => File.Exists(Path.Combine(RuntimeDirectory, name + ".dll"));

    private static IEnumerable<string> Names(IEnumerable<AssemblyName> references) =>
        references.Select(reference => reference.Name ?? string.Empty);

    private static string NameOf(Assembly assembly) => assembly.GetName().Name!;
}
