using DeepDive.Domain.Grading;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Simulation;

/// <summary>Invented auditors: each task is answered after a plausible delay with a plausible grade; same seed, same answers.</summary>
public sealed class SimulatedAuditors(int seed)
{
    private static readonly string[] GoodPractice =
    [
        "The child's lived experience was recorded in their own words",
        "Strategy discussions included every agency involved",
        "Chronology was up to date and used to inform decisions",
        "Management oversight was timely and reflective",
        "The school shared attendance concerns promptly",
    ];

    private static readonly string[] Development =
    [
        "Cumulative neglect was not recognised early enough",
        "Fathers and male carers were not engaged in assessments",
        "Plans were not SMART and outcomes were unclear",
        "Information sharing with health was delayed",
        "Escalation routes were not used when progress drifted",
    ];

    private static readonly string[] Recommendations =
    [
        "Use the neglect screening tool at every review",
        "Invite health colleagues to every core group",
        "Refresh training on the escalation policy",
        "Record the voice of the child at each visit",
        "Audit plans for SMART outcomes each quarter",
    ];

    public sealed record Answer(DateTime SubmitAtUtc, TaskSubmission Submission);

    public Answer Respond(string taskId, DateTime openedUtc, bool reAudit)
    {
        var random = SeededRandom.For(seed, taskId);
        // Most come in within the 20-day deadline, some are late.
        var days = random.NextDouble() < 0.15 ? random.Next(21, 35) : random.Next(3, 20);
        var submitAt = openedUtc.Date.AddDays(days).AddHours(9 + random.Next(0, 8));
        var roll = random.NextDouble();
        var grade = reAudit
            ? roll < 0.15 ? Grade.Outstanding : roll < 0.75 ? Grade.Good : roll < 0.95 ? Grade.RequiresImprovement : Grade.Inadequate
            : roll < 0.10 ? Grade.Outstanding : roll < 0.45 ? Grade.Good : roll < 0.85 ? Grade.RequiresImprovement : Grade.Inadequate;
        var submission = new TaskSubmission
        {
            Grade = GradingScale.Name(grade),
            Sections =
            [
                new SectionAnswer { Section = "Recognition of need", Evidence = "Referral and assessment records reviewed.", Grade = GradingScale.Name(grade) },
                new SectionAnswer { Section = "Planning and review", Evidence = "Plan and review minutes reviewed.", Grade = GradingScale.Name(grade) },
            ],
            GoodPractice = [GoodPractice[random.Next(GoodPractice.Length)]],
            AreasForDevelopment = grade >= Grade.RequiresImprovement ? [Development[random.Next(Development.Length)]] : [],
            Recommendations = grade >= Grade.RequiresImprovement ? [Recommendations[random.Next(Recommendations.Length)]] : [],
        };
        return new Answer(submitAt, submission);
    }
}
