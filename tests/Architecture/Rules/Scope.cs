using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace ScheduledMessages.Architecture.Rules;

/// <summary>
/// The types one rule looks at: those of some assemblies whose namespace is one of the given roots
/// or lies below one of them.
/// </summary>
public sealed class Scope
{
    public Scope(string name, IReadOnlyList<Assembly> assemblies, IReadOnlyList<string> rootNamespaces)
    {
        Name = name;
        Assemblies = assemblies;
        RootNamespaces = rootNamespaces;
    }

    public Scope(string name, Assembly assembly, string rootNamespace)
        : this(name, [assembly], [rootNamespace])
    {
    }

    public string Name { get; }

    public IReadOnlyList<Assembly> Assemblies { get; }

    public IReadOnlyList<string> RootNamespaces { get; }

    // NetArchTest's ResideInNamespace is a plain string prefix ("X.Bot" takes in "X.Botany"), so the
    // scope matches whole namespace segments: the root itself or the root followed by a dot.
    public string NamespacePattern =>
        $@"^({string.Join('|', RootNamespaces.Select(Regex.Escape))})(\.|$)";

    public PredicateList Types() =>
        NetArchTest.Rules.Types.InAssemblies(Assemblies).That().ResideInNamespaceMatching(NamespacePattern);

    public Scope And(Scope other) =>
        new($"{Name} and {other.Name}", [.. Assemblies, .. other.Assemblies], [.. RootNamespaces, .. other.RootNamespaces]);

    public override string ToString() => Name;
}
