using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// Reads the run's ZIP as a stream, writes its rows in batches and fans out one message per batch; a large file
/// first has the store exported to match against (<see cref="SnapshotStoreStep"/>).
/// </summary>
/// <remarks>
/// Idempotent: the batches are a pure function of the file, so a repeat rewrites the same blobs; the run moves to
/// <see cref="ImportPhases.Validate"/> with a conditional update, and only then are the batch messages sent. A
/// redelivery that finds the run already fanned out sends them again (a duplicate batch message is harmless),
/// because the earlier delivery may have stopped half-way through sending.
/// </remarks>
public sealed class SplitCatalogStep(
    IRunStore runs, IPayloadStore payloads, ICatalogFileReader reader, IStepScheduler queue, ImportOptions options, TimeProvider timeProvider)
    : IWorkflowStep<SplitCatalogMessage>
{
    /// <inheritdoc />
    public async Task RunAsync(SplitCatalogMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var run = await runs.GetAsync(message.RunId, cancellationToken);
        if (run is null || run.Status.IsFinished())
        {
            return;
        }

        if (run.Phase != ImportPhases.Split)
        {
            if (context.IsRedelivery && run.Phase == ImportPhases.Validate)
            {
                await BatchFanOut.SendAsync(queue, run.BatchCount ?? 0, index => new StageBatchMessage(run.RunId, index), cancellationToken);
            }
            else if (context.IsRedelivery && run.Phase == ImportPhases.Snapshot && ImportPayloads.SettingsOf(run.Configuration).StorePoll == 0)
            {
                await queue.EnqueueAsync(new SnapshotStoreMessage(run.RunId, 0), null, cancellationToken);
            }

            return;
        }

        var settings = ImportPayloads.SettingsOf(run.Configuration);
        await runs.UpdateAsync(run.RunId, r => r.Status == RunStatus.Pending ? r with { Status = RunStatus.Running, UpdatedAt = timeProvider.GetUtcNow() } : null, cancellationToken);
        Split split;
        try
        {
            split = await SplitAsync(run.RunId, settings, cancellationToken);
        }
        catch (CatalogFileRefusedException refused)
        {
            await FailAsync(run.RunId, $"The file '{settings.FileName}' was refused ({refused.Reason}): {refused.Message}", cancellationToken);
            return;
        }
        catch (FileNotFoundException)
        {
            await FailAsync(run.RunId, $"The file '{settings.FileName}' is not in storage at '{settings.DropPath}'.", cancellationToken);
            return;
        }

        var snapshot = split.Batches > 0 && split.Rows >= options.StoreSnapshotThreshold;
        var nextPhase = split.Batches == 0 ? ImportPhases.Finish : snapshot ? ImportPhases.Snapshot : ImportPhases.Validate;
        var (updated, changed) = await runs.UpdateAsync(run.RunId, r => r.Phase != ImportPhases.Split || r.Status.IsFinished() ? null : r with
        {
            Phase = nextPhase,
            Configuration = snapshot ? ImportPayloads.ConfigurationOf(settings with { StoreSnapshotId = r.RunId }) : r.Configuration,
            CustomStatus = snapshot ? "exporting the store to match against" : null,
            BatchCount = split.Batches,
            InitialCounters = new Dictionary<string, long> { [ImportCounters.TotalRows] = split.Rows, [ImportCounters.FailedRows] = split.FailedRows },
            Counters = new Dictionary<string, long> { [ImportCounters.TotalRows] = split.Rows, [ImportCounters.FailedRows] = split.FailedRows },
            Progress = new RunProgress(split.Rows, split.FailedRows, 0, split.FailedRows, 0),
            Errors = split.Errors,
            UpdatedAt = timeProvider.GetUtcNow(),
        }, cancellationToken);
        if (!changed && updated.Phase == ImportPhases.Split)
        {
            return;
        }

        if (nextPhase == ImportPhases.Finish)
        {
            await queue.EnqueueAsync(new FinishImportMessage(run.RunId), null, cancellationToken);
        }
        else if (nextPhase == ImportPhases.Snapshot)
        {
            await queue.EnqueueAsync(new SnapshotStoreMessage(run.RunId, 0), null, cancellationToken);
        }
        else
        {
            await BatchFanOut.SendAsync(queue, split.Batches, index => new StageBatchMessage(run.RunId, index), cancellationToken);
        }
    }

    private async Task<Split> SplitAsync(string runId, ImportSettings settings, CancellationToken cancellationToken)
    {
        var rows = 0L;
        var failed = 0L;
        var errors = new List<string>();
        var batches = 0;
        var batch = new List<CatalogItem>(options.BatchSize);
        await using var zip = await payloads.OpenReadAsync(settings.DropPath, cancellationToken);
        await foreach (var row in reader.ReadAsync(zip, cancellationToken))
        {
            rows++;
            if (row.Error is { } error)
            {
                failed++;
                if (errors.Count < options.MaxListedErrors)
                {
                    errors.Add($"{error.File} line {error.Line}: {error.Reason}");
                }
            }
            else if (row.Item is { } item)
            {
                batch.Add(item);
                if (batch.Count == options.BatchSize)
                {
                    await payloads.WriteBatchAsync(runId, batches++, batch, cancellationToken);
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
        {
            await payloads.WriteBatchAsync(runId, batches++, batch, cancellationToken);
        }

        return new Split(rows, failed, batches, errors);
    }

    private async Task FailAsync(string runId, string error, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await runs.UpdateAsync(runId, r => r.Status.IsFinished() ? null : r with
        {
            Status = RunStatus.Failed,
            LastError = error,
            Errors = [error],
            UpdatedAt = now,
            CompletedAt = now,
        }, cancellationToken);
    }

    private sealed record Split(long Rows, long FailedRows, int Batches, IReadOnlyList<string> Errors);
}
