using DeepDive.Domain.Actions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DeepDive.Web.Pages.Actions;

/// <summary>The domain's refusals of a change to an action, as errors against the form's fields (or the API's).</summary>
public static class ActionProblems
{
    /// <summary>The form field of a rule's field: "comment" is Input.Comment; anything unknown goes to the summary alone.</summary>
    public static string FieldOf(string field) => field switch
    {
        StatusChangeRules.StatusField => "Input.Status",
        StatusChangeRules.CommentField => "Input.Comment",
        StatusChangeRules.EvidenceField => "Input.Evidence",
        "recoveryPlan" => "Input.RecoveryPlan",
        "description" => "Input.Description",
        "ownerAgency" => "Input.OwnerAgency",
        "ownerName" => "Input.OwnerName",
        "ownerEmail" => "Input.OwnerEmail",
        "dueOn" => "Input.DueOn",
        _ => "",
    };

    public static void AddTo(ModelStateDictionary modelState, IEnumerable<ActionProblem> problems)
    {
        foreach (var problem in problems)
        {
            modelState.AddModelError(FieldOf(problem.Field), problem.Message);
        }
    }
}
