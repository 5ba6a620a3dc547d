using DeepDive.Domain.Grading;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Web.Components;

namespace DeepDive.Web.Pages.Tasks;

/// <summary>Answers as a summary list shows them: read-only for a submitted task, with "Change" links on "Check your answers".</summary>
public sealed record AnswersView(string TaskId, TaskSubmission Answers, IReadOnlyList<string> ToolSections, bool ChangeLinks)
{
    public static string GradeText(string? grade) => GradingScale.TryParse(grade, out var g) ? GradingScale.Label(g) : "Not graded";

    /// <summary>Where "Change" goes for a field: the task's form, at that field.</summary>
    public string ChangeUrl(string field) => $"{TaskIds.Url(TaskId)}#{FieldIds.Of(field)}";

    /// <summary>The form field of a section's evidence, by where the form puts the section (the tool's first, then the others).</summary>
    public string EvidenceField(SectionAnswer section)
    {
        var index = AnswersInput.From(Answers, ToolSections).Sections.FindIndex(s => s.Section == section.Section);
        return $"Input.Sections[{Math.Max(index, 0)}].Evidence";
    }
}
