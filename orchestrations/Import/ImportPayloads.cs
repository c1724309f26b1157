using System.Globalization;
using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Import;

/// <summary>Where an import keeps its batches (claim checks: a batch of rows is too big for a queue message).</summary>
public static class ImportPayloads
{
    /// <summary>The container of workflow payloads.</summary>
    public const string Container = "workflow-payloads";

    /// <summary>The path of one batch of a run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch, from 0.</param>
    /// <returns><c>container/name</c>.</returns>
    public static string BatchPath(string runId, int batchIndex)
        => string.Create(CultureInfo.InvariantCulture, $"{Container}/{runId}/batch-{batchIndex:D6}.json");

    /// <summary>Writes a batch; rewriting it with the same rows is harmless.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="items">Its rows.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    public static Task WriteBatchAsync(this IPayloadStore payloads, string runId, int batchIndex, IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken)
    {
        return payloads.WriteJsonAsync(BatchPath(runId, batchIndex), items, cancellationToken);
    }

    /// <summary>Reads a batch.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Its rows.</returns>
    public static async Task<IReadOnlyList<CatalogItem>> ReadBatchAsync(this IPayloadStore payloads, string runId, int batchIndex, CancellationToken cancellationToken)
    {
        return await payloads.ReadJsonAsync<List<CatalogItem>>(BatchPath(runId, batchIndex), cancellationToken) ?? [];
    }

    /// <summary>The run's configuration from its settings.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The configuration JSON.</returns>
    public static string ConfigurationOf(ImportSettings settings) => JsonSerializer.Serialize(settings, DomainJson.Options);

    /// <summary>The run's settings from its configuration.</summary>
    /// <param name="configuration">The run's configuration JSON.</param>
    /// <returns>The settings.</returns>
    public static ImportSettings SettingsOf(string configuration)
        => JsonSerializer.Deserialize<ImportSettings>(configuration, DomainJson.Options)
            ?? throw new InvalidDataException("The import run has no settings.");
}
