using System.Reflection;
using NetArchTest.Rules;

namespace DeepDive.Architecture.Tests.Checkers;

/// <summary>Dependency rules over compiled types, read by NetArchTest.</summary>
public static class DependencyCheck
{
    /// <summary>Types in <paramref name="namespacePrefix"/> that use a type from any of the <paramref name="forbidden"/> namespaces.</summary>
    public static IReadOnlyList<string> UsersOf(Assembly assembly, string namespacePrefix, params string[] forbidden) =>
        Failing(Types.InAssembly(assembly).That().ResideInNamespace(namespacePrefix).Should().NotHaveDependencyOnAny(forbidden));

    /// <summary>Types in <paramref name="namespacePrefix"/> that use a type outside the <paramref name="allowed"/> namespaces.</summary>
    public static IReadOnlyList<string> UsersOfAnythingBut(Assembly assembly, string namespacePrefix, params string[] allowed) =>
        Failing(Types.InAssembly(assembly).That().ResideInNamespace(namespacePrefix).Should().OnlyHaveDependenciesOn(allowed));

    /// <summary>Assemblies <paramref name="assembly"/> references that are neither in the shared framework nor in <paramref name="allowed"/>.</summary>
    public static IReadOnlyList<string> ReferencesOutsideFramework(Assembly assembly, params string[] allowed)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return [.. assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => !allowed.Contains(name, StringComparer.Ordinal))
            .Where(name => !File.Exists(Path.Combine(framework, name + ".dll")))
            .Order(StringComparer.Ordinal)];
    }

    private static IReadOnlyList<string> Failing(ConditionList conditions) =>
        [.. conditions.GetResult().FailingTypeNames ?? []];
}
