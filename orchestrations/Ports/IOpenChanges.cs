using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Ports;

/// <summary>Staged changes not yet pushed (pending or approved), found by product for a pull to check against the store.</summary>
public interface IOpenChanges
{
    /// <summary>The open changes of the products.</summary>
    /// <param name="skus">The products.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The open changes by normalized SKU; products without any are absent.</returns>
    Task<IReadOnlyDictionary<string, IReadOnlyList<StagedChange>>> FindAsync(IReadOnlyCollection<Sku> skus, CancellationToken cancellationToken);
}
