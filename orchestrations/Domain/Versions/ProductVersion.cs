using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Domain.Versions;

/// <summary>
/// One entry of a product's history, written whenever a change is applied: numbered 1, 2, … per
/// product, with the full snapshot (the rollback source) and its hash.
/// </summary>
public sealed record ProductVersion
{
    /// <summary>The product.</summary>
    public required Sku Sku { get; init; }

    /// <summary>The version number, unique per product, starting at 1.</summary>
    public required int Number { get; init; }

    /// <summary>The product as it was after the change.</summary>
    public required Product Snapshot { get; init; }

    /// <summary><see cref="ProductSnapshot.Hash"/> of <see cref="Snapshot"/>.</summary>
    public required string Hash { get; init; }

    /// <summary>The API names of the fields that differ from the previous version (all filled fields for version 1).</summary>
    public required IReadOnlyList<string> ChangedFields { get; init; }

    /// <summary>The system the change came from.</summary>
    public required SourceSystem Source { get; init; }

    /// <summary>The flow that applied it.</summary>
    public required ChangeDirection Direction { get; init; }

    /// <summary>Who applied it: a user, an API key name, or a run id for automatic changes.</summary>
    public required string Actor { get; init; }

    /// <summary>When it was applied.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The applied change this version records, if it came from one.</summary>
    public string? ChangeId { get; init; }

    /// <summary>The version that records <paramref name="snapshot"/> after <paramref name="previous"/>.</summary>
    /// <param name="previous">The product's latest version, or <see langword="null"/> for its first.</param>
    /// <param name="snapshot">The product after the change.</param>
    /// <param name="source">Where the change came from.</param>
    /// <param name="direction">The flow that applied it.</param>
    /// <param name="actor">Who applied it.</param>
    /// <param name="createdAt">Now, from the caller's <see cref="TimeProvider"/>.</param>
    /// <returns>The next version, its changed fields derived from the two snapshots.</returns>
    /// <exception cref="ArgumentException"><paramref name="previous"/> belongs to another product.</exception>
    public static ProductVersion After(
        ProductVersion? previous,
        Product snapshot,
        SourceSystem source,
        ChangeDirection direction,
        string actor,
        DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (previous is not null && previous.Sku != snapshot.Sku)
        {
            throw new ArgumentException($"Version of '{previous.Sku}' cannot precede '{snapshot.Sku}'.", nameof(previous));
        }

        var changed = previous is null
            ? ProductFields.All.Where(f => f.HasValue(snapshot))
            : ProductFields.All.Where(f => !f.HasSameValue(previous.Snapshot, snapshot));
        return new ProductVersion
        {
            Sku = snapshot.Sku,
            Number = (previous?.Number ?? 0) + 1,
            Snapshot = snapshot,
            Hash = ProductSnapshot.Hash(snapshot),
            ChangedFields = changed.Select(f => f.Name).ToList(),
            Source = source,
            Direction = direction,
            Actor = actor,
            CreatedAt = createdAt,
        };
    }
}
