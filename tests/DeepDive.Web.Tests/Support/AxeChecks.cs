using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Support;

/// <summary>The browser tests' accessibility check: axe on the page as it is now, every violation listed with its element.</summary>
public static class AxeChecks
{
    /// <summary>Only the WCAG 2.0, 2.1 and 2.2 A and AA rules (leaves out axe's best practices).</summary>
    public static AxeRunOptions Wcag() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Fails with every violation axe finds on <paramref name="page"/> (all its rules unless <paramref name="options"/> say otherwise).</summary>
    public static async Task ExpectNoViolationsAsync(IPage page, string because, AxeRunOptions? options = null)
    {
        var result = await page.RunAxe(options ?? new AxeRunOptions());
        result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").Should().BeEmpty(because);
    }
}
