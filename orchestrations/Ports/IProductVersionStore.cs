using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Domain.Versions;

namespace CowansSync.Orchestrations.Ports;

/// <summary>Each product's history: one <see cref="ProductVersion"/> per applied change.</summary>
public interface IProductVersionStore
{
    /// <summary>
    /// Records the version an applied change produced, unless the product already has one for that change: a repeated
    /// push records it once, and of concurrent writers each gets its own number.
    /// </summary>
    /// <param name="snapshot">The product after the change.</param>
    /// <param name="changeId">The applied change.</param>
    /// <param name="source">Where the change came from.</param>
    /// <param name="direction">The flow that applied it.</param>
    /// <param name="actor">Who applied it.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The stored version (the earlier one, when the change was recorded before).</returns>
    Task<ProductVersion> RecordAsync(Product snapshot, string changeId, SourceSystem source, ChangeDirection direction, string actor, CancellationToken cancellationToken);

    /// <summary>A product's versions, newest first.</summary>
    /// <param name="sku">The product.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The versions; empty for an unknown product.</returns>
    Task<IReadOnlyList<ProductVersion>> ListAsync(Sku sku, CancellationToken cancellationToken);
}
