using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>
/// What the add and edit pages share: the form (<see cref="CycleInput"/>), its "add another rule" and "remove" buttons
/// (each page's handlers call <see cref="AddRule"/> and <see cref="RemoveRule"/>),
/// and the check that turns the form into a cycle through the same schema and rules as a cycle file, each problem
/// shown against its field in the order of the page.
/// </summary>
public abstract class CycleFormPage(IServiceProvider services) : PageModel
{
    [BindProperty]
    public CycleInput Input { get; set; } = new();

    /// <summary>The engine's lifecycle service, or null on a web server that does not run the engine (cycles cannot change there).</summary>
    protected CycleLifecycle? Lifecycle => services.GetService<CycleLifecycle>();

    public bool CanChange => Lifecycle is not null;

    public abstract bool IsEdit { get; }

    protected IActionResult AddRule()
    {
        ModelState.Clear();
        Input.Rules.Add(new CycleInput.RuleInput());
        return Page();
    }

    protected IActionResult RemoveRule(int index)
    {
        ModelState.Clear();
        if (index >= 0 && index < Input.Rules.Count)
        {
            Input.Rules.RemoveAt(index);
        }

        return Page();
    }

    /// <summary>The cycle the form stands for, or null with every problem in the model state.</summary>
    protected CycleDefinition? Check()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = Input.ToJson(problems).ToJsonString();
        var errors = problems.Select(p => new CycleErrors.FormError("Input." + p.Key, p.Value)).ToList();
        CycleDefinition? cycle = null;
        try
        {
            cycle = CycleFile.Parse(json, "the form");
        }
        catch (CycleFileException e)
        {
            // A field whose own check failed (not a whole number, nothing chosen) is reported once, in those words.
            errors.AddRange(CycleErrors.ForForm(e.Errors, "Input.").Where(error => error.Field is null || !problems.ContainsKey(error.Field["Input.".Length..])));
        }

        var ordered = errors.DistinctBy(e => (e.Field, e.Message)).OrderBy(e => CycleErrors.Order(e.Field)).ToList();
        foreach (var error in ordered)
        {
            ModelState.AddModelError(error.Field ?? "", error.Message);
        }

        ViewData["ErrorOrder"] = ordered.Select(e => e.Field ?? "").Distinct().ToList();

        return errors.Count == 0 ? cycle : null;
    }

    /// <summary>Where the cycle's page shows a message after a change.</summary>
    protected void Done(string message) => TempData[CycleMessages.Key] = message;
}

/// <summary>The one-line message a cycle's page shows after a change (kept for one request).</summary>
public static class CycleMessages
{
    public const string Key = "cycle-message";
}

/// <summary>Why a web server without the engine cannot change cycles or open rounds.</summary>
public static class EngineMissing
{
    public const string Message = "This server does not run the audit engine, so cycles cannot be changed and rounds cannot be started here";
}
