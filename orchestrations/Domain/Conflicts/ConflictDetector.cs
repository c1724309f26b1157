using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain.Conflicts;

/// <summary>
/// Three-way conflict detection: a field conflicts when both the local catalog and Shopify changed it
/// since the last synced version (the base) and they now disagree. A change on one side only is not a
/// conflict — it simply flows to the other side.
/// </summary>
public sealed class ConflictDetector
{
    private readonly ConflictAutoResolver _resolver;

    /// <summary>Creates the detector.</summary>
    /// <param name="resolver">Suggests a resolution for each conflict found.</param>
    public ConflictDetector(ConflictAutoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
    }

    /// <summary>The conflicting fields of one product, each with its suggested resolution.</summary>
    /// <param name="baseVersion">
    /// The last synced snapshot, or <see langword="null"/> when the product was never synced: then
    /// every difference counts as a conflict, because nothing tells which side moved.
    /// </param>
    /// <param name="local">The local catalog's product.</param>
    /// <param name="shopify">The product as Shopify has it now.</param>
    /// <param name="fields">
    /// The fields Shopify's side really carries; all catalog fields when omitted. Pass a subset when
    /// the Shopify read did not include some fields, so their absence is not mistaken for a change.
    /// </param>
    /// <returns>The conflicts, in field order.</returns>
    public IReadOnlyList<FieldConflict> Detect(Product? baseVersion, Product local, Product shopify, IEnumerable<ProductField>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(shopify);
        return (fields ?? ProductFields.All)
            .Where(f => ChangedSince(baseVersion, local, f) && ChangedSince(baseVersion, shopify, f) && !f.HasSameValue(local, shopify))
            .Select(f => ConflictOn(f, baseVersion, local, shopify))
            .ToList();
    }

    private static bool ChangedSince(Product? baseVersion, Product side, ProductField field)
        => baseVersion is null || !field.HasSameValue(baseVersion, side);

    private FieldConflict ConflictOn(ProductField field, Product? baseVersion, Product local, Product shopify)
    {
        var localValue = field.ValueOf(local);
        var shopifyValue = field.ValueOf(shopify);
        var localChange = local.FieldSources.GetValueOrDefault(field.Name);
        return new FieldConflict(
            local.Sku,
            field.Name,
            field.ValueOf(baseVersion),
            localValue,
            shopifyValue,
            localChange,
            shopify.FieldSources.GetValueOrDefault(field.Name),
            _resolver.Suggest(field, localValue, shopifyValue, localChange));
    }
}
