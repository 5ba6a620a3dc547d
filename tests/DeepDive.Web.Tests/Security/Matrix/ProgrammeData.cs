using DeepDive.Domain.Cycles;
using DeepDive.Domain.Rounds;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Runtime;
using DeepDive.Web.Tests.Cycles;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>
/// The cycles and rounds the programme's rows need. The demo year left no draw awaiting review (its manager locks each
/// the day it is drawn), so the matrix adds its own cycle, whose draws a manager reviews, and opens a rapid round of it
/// as the engine does (a real draw of the register, through an engine built on the app's database but never started,
/// so the round's workflow waits). The cycle is then retired: pausing, resuming, retiring or changing it is refused,
/// so those posts change nothing whether or not the app runs the engine.
/// </summary>
public sealed record ProgrammeData(string MatrixCycleId, string ReviewRoundId, string ReviewCaseRef, string LockedRoundId)
{
    private const string CycleId = "matrix-review";

    public static async Task<ProgrammeData> LoadAsync(TestApp app)
    {
        var cancellationToken = CancellationToken.None;
        var cycles = app.Services.GetRequiredService<CycleStore>();
        var cycle = TestCycles.Definition(CycleId, review: true);
        await cycles.AddOrUpdateAsync(DemoPartnership.Id, cycle, cancellationToken);

        string reviewRoundId;
        await using (var engine = DeepDiveRuntime.Create(app.Database, TimeProvider.System, new RuntimeOptions { InstanceName = $"matrix-{Guid.NewGuid():N}" }))
        {
            engine.Prepare();
            reviewRoundId = (await engine.Services.GetRequiredService<RoundStarter>().StartRapidAsync(DemoPartnership.Id, cycle, 5, cancellationToken)).RoundId;
        }

        await cycles.ChangeStatusAsync(DemoPartnership.Id, CycleId, CycleAction.Retire, "retired by the authorisation matrix", cancellationToken);
        var rounds = await RoundSummary.ListAsync(app.Database, DemoPartnership.Id, null, withUnassigned: false, cancellationToken);
        if (rounds.Single(r => r.RoundId == reviewRoundId).Status != RoundStatus.AwaitingReview)
        {
            throw new InvalidOperationException($"The matrix's rapid round {reviewRoundId} should await a manager's review of its draw.");
        }

        var samples = app.Services.GetRequiredService<SampleList>();
        return new ProgrammeData(
            CycleId,
            reviewRoundId,
            (await samples.CasesAsync(reviewRoundId, cancellationToken))[0],
            rounds.First(r => r.Status is RoundStatus.InProgress or RoundStatus.Closed).RoundId);
    }
}
