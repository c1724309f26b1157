using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>Which products belong to which store collections, as pulls find them.</summary>
public interface ICollectionAssociations
{
    /// <summary>
    /// Records each product's memberships: one association per collection it is in, and none left for the collections it
    /// was in before and is not any more. Recording the same memberships again writes the same associations.
    /// </summary>
    /// <param name="memberships">Each product as the store has it, with the collection handles it was in before (empty when unknown).</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>How many associations the products have now.</returns>
    Task<int> RecordAsync(IReadOnlyList<(Product Product, IReadOnlyList<string> Before)> memberships, CancellationToken cancellationToken);
}
