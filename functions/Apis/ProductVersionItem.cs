using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Versions;

namespace CowansSync.Functions.Apis;

/// <summary>One entry of <c>GET /api/products/{sku}/versions</c>.</summary>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Hash">The SHA-256 of the snapshot's canonical JSON.</param>
/// <param name="ChangedFields">The API names of the fields that differ from the previous version.</param>
/// <param name="Source">The system the change came from, e.g. <c>etilize</c>.</param>
/// <param name="Direction">The flow that applied it, e.g. <c>push_to_shopify</c>.</param>
/// <param name="Actor">Who applied it.</param>
/// <param name="ChangeId">The applied change, when there was one.</param>
/// <param name="CreatedAt">When it was applied.</param>
/// <param name="Snapshot">The product after the change, as a staged change's <c>proposed_data</c>.</param>
public sealed record ProductVersionItem(
    int Version,
    string Hash,
    IReadOnlyList<string> ChangedFields,
    string Source,
    string Direction,
    string Actor,
    string? ChangeId,
    DateTimeOffset CreatedAt,
    JsonElement Snapshot)
{
    /// <summary>The item of a stored version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The item.</returns>
    public static ProductVersionItem From(ProductVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new ProductVersionItem(
            version.Number,
            version.Hash,
            version.ChangedFields,
            WireName.Of(version.Source),
            WireName.Of(version.Direction),
            version.Actor,
            version.ChangeId,
            version.CreatedAt,
            JsonSerializer.SerializeToElement(version.Snapshot, DomainJson.Options));
    }
}
