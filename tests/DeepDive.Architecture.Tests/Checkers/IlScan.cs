using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace DeepDive.Architecture.Tests.Checkers;

/// <summary>Reads method bodies of compiled types (including compiler-made nested types such as async state machines).</summary>
public static class IlScan
{
    private static readonly HashSet<string> ClockReads =
    [
        "System.DateTime::get_Now", "System.DateTime::get_UtcNow", "System.DateTime::get_Today",
        "System.DateTimeOffset::get_Now", "System.DateTimeOffset::get_UtcNow",
        "System.TimeProvider::get_System",
    ];

    /// <summary>Places in types under <paramref name="namespacePrefix"/> that read the machine clock, as "Type: DeclaringType::member".</summary>
    public static IReadOnlyList<string> ClockReadsIn(Assembly assembly, string namespacePrefix) =>
        Find(assembly, namespacePrefix, instruction =>
            (instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt)
            && instruction.Operand is MethodReference method
            && ClockReads.Contains($"{method.DeclaringType.FullName}::{method.Name}")
                ? $"{method.DeclaringType.FullName}::{method.Name}"
                : null);

    /// <summary>Top-level types under <paramref name="namespacePrefix"/> whose code constructs a store (a type named *Store, or one built on a <c>Database</c>), as "Type: Store".</summary>
    public static IReadOnlyList<string> StoreConstructionsIn(Assembly assembly, string namespacePrefix) =>
        Find(assembly, namespacePrefix, instruction =>
            instruction.OpCode == OpCodes.Newobj
            && instruction.Operand is MethodReference constructor
            && (constructor.DeclaringType.Name.EndsWith("Store", StringComparison.Ordinal)
                || (constructor.DeclaringType.Namespace.StartsWith("DeepDive.Engine", StringComparison.Ordinal)
                    && constructor.Parameters.Any(p => p.ParameterType.FullName == "DeepDive.Engine.Storage.Database")))
                ? constructor.DeclaringType.Name
                : null);

    /// <summary>Distinct "TopLevelType: finding" pairs, sorted.</summary>
    private static IReadOnlyList<string> Find(Assembly assembly, string namespacePrefix, Func<Instruction, string?> match)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var owner = TopLevel(type);
            if (!InNamespace(owner.Namespace, namespacePrefix))
            {
                continue;
            }

            foreach (var method in type.Methods.Where(method => method.HasBody))
            {
                foreach (var finding in method.Body.Instructions.Select(match).OfType<string>())
                {
                    found.Add($"{owner.FullName}: {finding}");
                }
            }
        }

        return [.. found];
    }

    private static TypeDefinition TopLevel(TypeDefinition type) =>
        type.DeclaringType is null ? type : TopLevel(type.DeclaringType);

    private static bool InNamespace(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);
}
