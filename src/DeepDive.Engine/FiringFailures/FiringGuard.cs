using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace DeepDive.Engine.FiringFailures;

/// <summary>
/// Runs one firing so that it ends in exactly one of: its round opened, or a stored <see cref="FailedFiring"/>. A
/// transient error is retried with backoff under the same firing key (the round's key, so still at most one round); a
/// permanent one (an impossible draw, a missing cycle) is recorded at once.
/// </summary>
public sealed class FiringGuard(FailedFirings failures, FiringRetryOptions options, ILogger<FiringGuard> logger)
{
    /// <summary>Who resolves a failed firing when a later run of the same firing opens its round.</summary>
    public const string Engine = "the engine";

    /// <summary>
    /// Opens the round of <paramref name="subject"/> with <paramref name="open"/>, which returns the round id when it
    /// opened one. Returns whether it did not fail: false when the failure was recorded.
    /// </summary>
    public async Task<bool> RunAsync(FiringSubject subject, Func<CancellationToken, Task<string?>> open, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFaults.IsTransient),
                MaxRetryAttempts = Math.Max(1, options.Retries),
                Delay = options.FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning("The round of cycle {CycleId} due {ScheduledForUtc:u} hit a transient error (attempt {Attempt}); trying again in {Delay}: {Reason}",
                        subject.CycleId, subject.ScheduledForUtc, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    return default;
                },
            })
            .Build();
        try
        {
            var roundId = await pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                return await open(token);
            }, cancellationToken);
            if (roundId is not null)
            {
                logger.LogInformation("Round {RoundId} of cycle {CycleId} opened for the firing due {ScheduledForUtc:u}{Retried}",
                    roundId, subject.CycleId, subject.ScheduledForUtc, attempts > 1 ? $" after {attempts} attempts" : "");
            }

            if (roundId is not null && await failures.MarkOpenedAsync(subject.PartnershipId, subject.FiringKey, roundId, Engine, cancellationToken))
            {
                logger.LogInformation("The failed firing of cycle {CycleId} due {ScheduledForUtc:u} opened round {RoundId}", subject.CycleId, subject.ScheduledForUtc, roundId);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The engine is stopping; the firing must not vanish with it.
            await RecordAsync(subject, Math.Max(1, attempts), true, "the engine stopped before the round could be opened", null);
            return false;
        }
        catch (Exception e)
        {
            await RecordAsync(subject, attempts, TransientFaults.IsTransient(e), Reason(e), e);
            return false;
        }
    }

    private async Task RecordAsync(FiringSubject subject, int attempts, bool transient, string reason, Exception? error)
    {
        // An impossible draw is the register's or the cycle's state, not a fault in the engine: its reason says all.
        logger.LogError(error is Rounds.SampleDrawException ? null : error,
            "The round of cycle {CycleId} due {ScheduledForUtc:u} was not opened after {Attempts} attempt(s): {Reason} Recorded as a failed firing; 'deepdive round retry' opens it.",
            subject.CycleId, subject.ScheduledForUtc, attempts, reason.EndsWith('.') ? reason : reason + ".");
        // The record is written even when the firing's own token is cancelled: it is what makes the failure visible.
        await failures.RecordAsync(subject, attempts, transient, reason, CancellationToken.None);
    }

    /// <summary>A reason a manager can read: the message, with the innermost cause when it says more.</summary>
    public static string Reason(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return ReferenceEquals(inner, e) || e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? e.Message
            : $"{e.Message} ({inner.Message})";
    }
}
