using System.Text;
using DeepDive.Domain.Grading;

namespace DeepDive.Domain.Learning;

/// <summary>Each school's own feedback from an education audit: its findings, how it compares with the rest (never naming them), what to do next.</summary>
public static class SchoolFeedbackWriter
{
    public static IReadOnlyDictionary<string, string> Write(string cycleName, IReadOnlyList<Finding> findings)
    {
        var withSchool = findings.Where(f => !string.IsNullOrWhiteSpace(f.School)).ToList();
        var averageAll = withSchool.Count == 0 ? 0 : withSchool.Average(f => (int)f.Overall);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var school in withSchool.GroupBy(f => f.School!, StringComparer.OrdinalIgnoreCase))
        {
            var own = school.ToList();
            var ownAverage = own.Average(f => (int)f.Overall);
            var text = new StringBuilder();
            text.AppendLine($"# Learning feedback for {school.Key}: {cycleName}");
            text.AppendLine();
            text.AppendLine("## Your findings");
            foreach (var f in own)
            {
                text.AppendLine($"- Case {f.CaseRef}: {GradingScale.Label(f.Overall)}");
            }

            text.AppendLine();
            text.AppendLine("## How you compare");
            text.AppendLine(ownAverage < averageAll - 0.25 ? "Your cases were graded better than the average of the schools in this audit."
                : ownAverage > averageAll + 0.25 ? "Your cases were graded below the average of the schools in this audit."
                : "Your cases were graded in line with the schools in this audit.");
            text.AppendLine();
            text.AppendLine("## What to do next");
            foreach (var r in own.SelectMany(f => f.Recommendations).Distinct(StringComparer.OrdinalIgnoreCase).Take(5))
            {
                text.AppendLine($"- {r}");
            }

            result[school.Key] = text.ToString();
        }

        return result;
    }
}
