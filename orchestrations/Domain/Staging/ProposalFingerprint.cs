using System.Text.Json;
using CowansSync.Orchestrations.Domain.Versions;

namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>
/// What a change proposes, as one value: the product, the flow, and each changed field with its proposed value. Two
/// imports proposing the same values for the same fields give the same fingerprint, whatever the values were before,
/// so a proposal a reviewer rejected is recognised when a later import makes it again.
/// </summary>
/// <remarks>SHA-256 over the canonical JSON of <c>{sku, direction, fields: {field: new}}</c>, as 64 lower-case hex characters.</remarks>
public static class ProposalFingerprint
{
    /// <summary>The fingerprint of a change's proposal.</summary>
    /// <param name="change">The change.</param>
    /// <returns>64 lower-case hex characters.</returns>
    public static string Of(StagedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var proposal = new
        {
            sku = change.Sku.Normalized,
            direction = WireName.Of(change.Direction),
            fields = change.FieldChanges.ToDictionary(field => field.Field, field => field.New, StringComparer.Ordinal),
        };
        return CanonicalJson.Sha256Hex(JsonSerializer.SerializeToElement(proposal));
    }
}
