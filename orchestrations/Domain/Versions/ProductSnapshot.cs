using System.Text.Json;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain.Versions;

/// <summary>
/// The content of a product that a version pins: its normalized SKU and every non-empty catalog field.
/// Bookkeeping (field provenance, last-synced markers) is left out, so recording a sync does not
/// itself change the hash; empty fields are left out, so adding a new field later keeps old hashes.
/// </summary>
public static class ProductSnapshot
{
    /// <summary>The snapshot as a JSON object keyed by API field names.</summary>
    /// <param name="product">The product.</param>
    /// <returns>A JSON object.</returns>
    public static JsonElement ToJson(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var snapshot = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["sku"] = JsonSerializer.SerializeToElement(product.Sku.Normalized),
        };
        foreach (var field in ProductFields.All.Where(f => f.HasValue(product)))
        {
            snapshot[field.Name] = field.ValueOf(product);
        }

        return JsonSerializer.SerializeToElement(snapshot);
    }

    /// <summary>The SHA-256 of the snapshot's canonical JSON.</summary>
    /// <param name="product">The product.</param>
    /// <returns>64 lower-case hex characters.</returns>
    public static string Hash(Product product) => CanonicalJson.Sha256Hex(ToJson(product));
}
