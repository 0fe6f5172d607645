using System.Reflection;
using Mono.Cecil;
using NetArchTest.Rules;

namespace ScheduledMessages.Architecture.Rules;

/// <summary>
/// Lets a NetArchTest selection ask a question of the loaded type, where reflection sees inherited
/// interfaces and base classes across assemblies without resolving metadata by hand.
/// </summary>
public sealed class TypeKindRule(Func<Type, bool> isOfKind) : ICustomRule
{
    public bool MeetsRule(TypeDefinition type) => isOfKind(Load(type));

    private static Type Load(TypeDefinition definition)
    {
        var assembly = Assembly.Load(new AssemblyName(definition.Module.Assembly.FullName));
        // Cecil writes a nested type as Outer/Inner where reflection writes Outer+Inner.
        return assembly.GetType(definition.FullName.Replace('/', '+'), throwOnError: true)!;
    }
}
