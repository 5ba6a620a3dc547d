using Microsoft.Extensions.Logging;

namespace DeepDive.Engine.Notifications;

/// <summary>
/// Delivers due notifications from the outbox in the background: woken when notifications are added, and every
/// few seconds (real time) for retries. Each is claimed first, so several processes on one database never send the
/// same one at once. A failure is recorded and retried later; nothing waits on delivery.
/// </summary>
public sealed class OutboxDispatcher(Outbox outbox, INotificationSender sender, NotificationSettings settings, string node, ILogger<OutboxDispatcher> logger)
    : IAsyncDisposable
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim wake = new(0);
    private CancellationTokenSource? stopping;
    private Task? loop;

    /// <summary>How often the dispatcher looks for retries due when nothing wakes it (real time).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public void Start()
    {
        if (loop is not null)
        {
            return;
        }

        stopping = new CancellationTokenSource();
        loop = Task.Run(() => RunAsync(stopping.Token));
    }

    /// <summary>Asks for a delivery pass soon: new notifications are in the outbox.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    /// <summary>One pass: delivers everything due now. Returns how many were delivered and how many attempts failed.</summary>
    public async Task<(int Delivered, int Failed)> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        var failed = 0;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var due = (await outbox.DueAsync(50, cancellationToken)).Where(r => !tried.Contains(r.NotificationId)).ToList();
            if (due.Count == 0)
            {
                return (delivered, failed);
            }

            foreach (var row in due)
            {
                tried.Add(row.NotificationId);
                if (!await outbox.ClaimAsync(row.NotificationId, node, Hold, cancellationToken))
                {
                    continue;
                }

                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(60));
                    await sender.SendAsync(MessageBuilder.Build(row, settings), timeout.Token);
                    await outbox.MarkDeliveredAsync(row.NotificationId, sender.Via, CancellationToken.None);
                    delivered++;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Notification {Id} to {Address} was not delivered; it will be tried again", row.NotificationId, row.RecipientAddress);
                    await outbox.MarkAttemptFailedAsync(row, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
                    failed++;
                }
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(cancellationToken);
                await wake.WaitAsync(PollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unavailable; the outbox keeps everything, so try again shortly.
                logger.LogError(e, "The notification outbox could not be read");
                await Task.Delay(PollInterval, CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (stopping is null || loop is null)
        {
            return;
        }

        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
        loop = null;
    }
}
