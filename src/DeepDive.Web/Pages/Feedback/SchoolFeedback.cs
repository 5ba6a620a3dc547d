using DeepDive.Engine.Learning;
using DeepDive.Web.Components;
using DeepDive.Web.Security;

namespace DeepDive.Web.Pages.Feedback;

/// <summary>
/// Schools' feedback as the signed-in user may read it, for the pages and the API alike: a school's designated
/// safeguarding lead reads only their own school's (every round's), managers and moderators every school's. Readers who
/// may not see case references (schools) read each case as "case 1", "case 2": the references are the agencies'
/// pseudonyms, which mean nothing to a school and are not theirs to hold.
/// </summary>
public static class SchoolFeedback
{
    /// <summary>The feedback the user may read, newest first.</summary>
    public static async Task<IReadOnlyList<LearningStore.Paper>> ListAsync(LearningStore store, Scope scope, CancellationToken cancellationToken)
    {
        var papers = scope.FeedbackSchool() is { } school
            ? await store.SchoolFeedbackAsync(scope.PartnershipId, school, cancellationToken)
            : await store.FeedbackAsync(scope.PartnershipId, null, cancellationToken);
        return [.. papers.OrderByDescending(p => p.WrittenUtc).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>One school's feedback from one round, as the user may read it (404 when they may not), with the view logged.</summary>
    public static async Task<LearningStore.Paper> ReadAsync(LearningStore store, Scope scope, AccessRecorder access, string roundId, string school,
        CancellationToken cancellationToken)
    {
        scope.School(school);
        var paper = scope.Feedback(await store.SchoolFeedbackAsync(scope.PartnershipId, roundId, school, cancellationToken));
        if (!scope.User.SeesCaseReferences)
        {
            var findings = await store.FindingsAsync(paper.RoundId, cancellationToken);
            paper = paper with { Body = CaseReferences.Numbered(paper.Body, findings.Select(f => f.CaseRef)) };
        }

        await access.ViewedAsync("school-feedback", $"{paper.RoundId}/{paper.Title}", cancellationToken);
        return paper;
    }

    /// <summary>The address of one school's feedback from one round.</summary>
    public static string Href(LearningStore.Paper paper) => $"/feedback/{Uri.EscapeDataString(paper.RoundId)}/{Uri.EscapeDataString(paper.Title)}";
}
