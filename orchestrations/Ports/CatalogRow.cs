using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>One row read from a catalog file: the item, or why the row could not be read (never both).</summary>
/// <param name="Item">The normalized item.</param>
/// <param name="Error">The row's error, reported with its file and line while the other rows go on.</param>
public sealed record CatalogRow(CatalogItem? Item, CatalogRowError? Error)
{
    /// <summary>A row that was read.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The row.</returns>
    public static CatalogRow Of(CatalogItem item) => new(item, null);

    /// <summary>A row that could not be read.</summary>
    /// <param name="error">Where and why.</param>
    /// <returns>The row.</returns>
    public static CatalogRow Failed(CatalogRowError error) => new(null, error);
}
