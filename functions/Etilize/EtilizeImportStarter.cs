using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Etilize;

/// <summary>Starts catalog imports from Etilize drops: the poll's newest new file, or a file someone names.</summary>
/// <remarks>
/// A polled drop's run id is derived from its fingerprint, so two pollers that both fetched the same file start one
/// run; the drop is claimed for that run once it exists.
/// </remarks>
public sealed class EtilizeImportStarter(EtilizeDropFetcher fetcher, ImportWorkflow workflow, TimeProvider timeProvider)
{
    /// <summary>The timer's job: import the newest matching file unless it was imported already.</summary>
    /// <param name="cancellationToken">Stops the poll.</param>
    /// <returns>The started run, or <see langword="null"/> when there is nothing new.</returns>
    public async Task<WorkflowRun?> PollAsync(CancellationToken cancellationToken)
        => await fetcher.FetchNewestAsync(cancellationToken) is { } drop
            ? await StartAsync(drop, new ImportRequest(), "timer", PolledRunId(drop), cancellationToken)
            : null;

    /// <summary>Imports a drop already copied to storage, as a new run.</summary>
    /// <param name="drop">The drop.</param>
    /// <param name="request">The run's options.</param>
    /// <param name="createdBy">Who asked.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started run.</returns>
    public Task<WorkflowRun> StartAsync(EtilizeDrop drop, ImportRequest request, string createdBy, CancellationToken cancellationToken)
        => StartAsync(drop, request, createdBy, NewRunId(), cancellationToken);

    private async Task<WorkflowRun> StartAsync(EtilizeDrop drop, ImportRequest request, string createdBy, string runId, CancellationToken cancellationToken)
    {
        var settings = new ImportSettings
        {
            DropPath = $"{EtilizeDropFetcher.DefaultContainerName}/{drop.BlobName}",
            FileName = drop.FileName,
            FileSize = drop.Size,
            ApplyXorosoftFilter = request.ApplyXorosoftFilter,
            CreateStagingEntries = request.CreateStagingEntries,
            AutoApproveThreshold = request.AutoApproveThreshold,
        };
        var run = await workflow.StartAsync(runId, settings, createdBy, cancellationToken);
        await fetcher.MarkImportedAsync(drop, run.RunId, cancellationToken);
        return run;
    }

    private string NewRunId()
        => string.Create(CultureInfo.InvariantCulture, $"import-{timeProvider.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    private static string PolledRunId(EtilizeDrop drop)
        => $"import-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(drop.Fingerprint)), 0, 8)}";
}
