using System.Globalization;
using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>A push run's settings and its batches of change ids (claim checks in the payload store).</summary>
public static class PushPayloads
{
    /// <summary>The path of one batch of a run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch, from 0.</param>
    /// <returns><c>container/name</c>.</returns>
    public static string BatchPath(string runId, int batchIndex)
        => string.Create(CultureInfo.InvariantCulture, $"{ImportPayloads.Container}/{runId}/push-{batchIndex:D6}.json");

    /// <summary>Writes a batch; rewriting it with the same ids is harmless.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="changeIds">Its change ids.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    public static Task WritePushBatchAsync(this IPayloadStore payloads, string runId, int batchIndex, IReadOnlyList<string> changeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        return payloads.WriteAsync(BatchPath(runId, batchIndex), JsonSerializer.SerializeToUtf8Bytes(changeIds, DomainJson.Options), cancellationToken);
    }

    /// <summary>Reads a batch.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Its change ids.</returns>
    public static async Task<IReadOnlyList<string>> ReadPushBatchAsync(this IPayloadStore payloads, string runId, int batchIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        var content = await payloads.ReadAsync(BatchPath(runId, batchIndex), cancellationToken);
        return JsonSerializer.Deserialize<List<string>>(content, DomainJson.Options) ?? [];
    }

    /// <summary>The run's configuration from its settings.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The configuration JSON.</returns>
    public static string ConfigurationOf(PushSettings settings) => JsonSerializer.Serialize(settings, DomainJson.Options);

    /// <summary>The run's settings from its configuration.</summary>
    /// <param name="configuration">The run's configuration JSON.</param>
    /// <returns>The settings.</returns>
    public static PushSettings SettingsOf(string configuration)
        => JsonSerializer.Deserialize<PushSettings>(configuration, DomainJson.Options)
            ?? throw new InvalidDataException("The push run has no settings.");
}
