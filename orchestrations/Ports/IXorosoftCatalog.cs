using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>The ERP's item catalog, as the import validates against it.</summary>
public interface IXorosoftCatalog
{
    /// <summary>Brings the local copy validation reads up to date and ready, so the batches that follow do not wait for it.</summary>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>A task that completes when the copy is ready.</returns>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Looks every row up, by item number (exact), then UPC, then manufacturer part number (and, in fuzzy mode, by
    /// similarity), from the local mirror first and the live API where the mirror has no answer. A row without a SKU
    /// is looked up by manufacturer and part number, then UPC.
    /// </summary>
    /// <param name="items">The rows of one batch.</param>
    /// <param name="mode">Strict or fuzzy.</param>
    /// <param name="cancellationToken">Stops the lookups.</param>
    /// <returns>One lookup per row, keyed by the row's <see cref="CatalogItem.LookupKey"/>.</returns>
    Task<IReadOnlyDictionary<string, XorosoftLookup>> ValidateAsync(IReadOnlyList<CatalogItem> items, XorosoftValidationMode mode, CancellationToken cancellationToken);
}
