namespace CowansSync.Orchestrations.Ports;

/// <summary>
/// One of the two bulk mutations a bulk update runs as. Shopify runs one bulk mutation at a time per shop, and one
/// mutation runs one document: variant fields (prices, barcode) go first, then product fields (title, tags, …) of the
/// updates whose variant line succeeded, so a failed update is left to the one-by-one write as a whole.
/// </summary>
public enum ShopifyBulkStage
{
    /// <summary><c>productVariantsBulkUpdate</c> lines, for updates that name variant fields.</summary>
    Variants,

    /// <summary><c>productUpdate</c> lines, for updates that name product fields.</summary>
    Products,
}
