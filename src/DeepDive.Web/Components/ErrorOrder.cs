using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DeepDive.Web.Components;

/// <summary>
/// Model state's errors in the order of the fields on the page, as the GOV.UK error summary lists them. Model state
/// itself keeps keys in a tree that sorts them by length, not as they were added, so the order is taken from the page
/// model: the order its properties (and theirs, for <c>Input.X</c>) are declared in, which is the order forms show them.
/// A page whose fields are not its model's properties in order (a cycle's form, built from the schema) gives the order
/// itself in <c>ViewData["ErrorOrder"]</c>, a list of model names; keys it names come first, in its order.
/// </summary>
public static class ErrorOrder
{
    public static IEnumerable<KeyValuePair<string, ModelStateEntry?>> InFieldOrder(
        ModelStateDictionary modelState, object? model, IReadOnlyList<string>? pageOrder = null) =>
        modelState.Where(e => e.Value is { Errors.Count: > 0 })
            .Select((e, i) => (Entry: e, Path: Path(model?.GetType(), e.Key), Index: i))
            .OrderBy(e => PageIndex(pageOrder, e.Entry.Key))
            .ThenBy(e => e.Path, Comparer<int[]>.Create(Compare))
            .ThenBy(e => e.Index)
            .Select(e => e.Entry);

    private static int PageIndex(IReadOnlyList<string>? pageOrder, string key)
    {
        var index = pageOrder is null ? -1 : pageOrder.ToList().IndexOf(key);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>Each segment's position among its type's properties; unknown segments sort last.</summary>
    private static int[] Path(Type? type, string key)
    {
        if (key.Length == 0)
        {
            return [-1];
        }

        var path = new List<int>();
        foreach (var segment in key.Split('.'))
        {
            var properties = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly) ?? [];
            var index = Array.FindIndex(properties, p => p.Name == segment);
            path.Add(index < 0 ? int.MaxValue : index);
            type = index < 0 ? null : properties[index].PropertyType;
        }

        return [.. path];
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
