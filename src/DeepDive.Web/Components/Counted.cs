using System.Globalization;

namespace DeepDive.Web.Components;

/// <summary>Numbers as GOV.UK writes them: "20,000", "1 case", "3 cases".</summary>
public static class Counted
{
    public static string Number(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Of(int n, string one, string many) => $"{Number(n)} {(n == 1 ? one : many)}";
}
