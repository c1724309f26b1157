using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Etilize;

/// <summary>Starts catalog imports from Etilize drops: the poll's newest new file, or a file someone names.</summary>
/// <remarks>
/// A polled drop's run id is derived from its fingerprint, so two pollers that both fetched the same file start one
/// run; the drop is claimed for that run once it exists.
/// </remarks>
public sealed class EtilizeImportStarter(EtilizeDropFetcher fetcher, ImportOptions importOptions, PushOptions pushOptions, TimeProvider timeProvider)
{
    /// <summary>The timer's job: import the newest matching file unless it was imported already.</summary>
    /// <param name="client">Starts the run's orchestration.</param>
    /// <param name="cancellationToken">Stops the poll.</param>
    /// <returns>The started run, or <see langword="null"/> when there is nothing new.</returns>
    public async Task<WorkflowRun?> PollAsync(DurableTaskClient client, CancellationToken cancellationToken)
        => await fetcher.FetchNewestAsync(cancellationToken) is { } drop
            ? await StartAsync(client, drop, new ImportRequest(), "timer", PolledRunId(drop), cancellationToken)
            : null;

    /// <summary>Imports a drop already copied to storage, as a new run.</summary>
    /// <param name="client">Starts the run's orchestration.</param>
    /// <param name="drop">The drop.</param>
    /// <param name="request">The run's options.</param>
    /// <param name="createdBy">Who asked.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started run.</returns>
    public Task<WorkflowRun> StartAsync(DurableTaskClient client, EtilizeDrop drop, ImportRequest request, string createdBy, CancellationToken cancellationToken)
        => StartAsync(client, drop, request, createdBy, NewRunId(), cancellationToken);

    private async Task<WorkflowRun> StartAsync(DurableTaskClient client, EtilizeDrop drop, ImportRequest request, string createdBy, string runId, CancellationToken cancellationToken)
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
        var input = new ImportCatalogInput(settings, createdBy, ImportPlan.Of(importOptions), PushPlan.From(pushOptions));
        var run = await client.StartRunAsync(nameof(ImportCatalog), runId, input, cancellationToken);
        await fetcher.MarkImportedAsync(drop, run.RunId, cancellationToken);
        return run;
    }

    private string NewRunId()
        => string.Create(CultureInfo.InvariantCulture, $"import-{timeProvider.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    private static string PolledRunId(EtilizeDrop drop)
        => $"import-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(drop.Fingerprint)), 0, 8)}";
}
