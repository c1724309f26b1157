using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>Which fields a flow may propose changes to (docs/DOMAIN.md field ownership).</summary>
public static class FieldOwnership
{
    /// <summary>
    /// Whether a change in <paramref name="direction"/> may alter <paramref name="field"/> of an existing product.
    /// </summary>
    /// <remarks>
    /// An Etilize import proposes Etilize's content and the Xorosoft-owned values (price, cost, stock)
    /// that Xorosoft validation attached to the row: the ERP is the truth for price, and the import is
    /// where its value arrives. A Shopify pull proposes only what Shopify owns; Shopify edits to other
    /// fields surface through three-way conflict detection instead of silently overriding the owner.
    /// A Xorosoft inventory sync proposes Xorosoft's fields. Pushes, manual edits and rollbacks are not
    /// feeds — they carry an already-decided product — so they may touch every field.
    /// </remarks>
    /// <param name="direction">The flow.</param>
    /// <param name="field">The field.</param>
    /// <returns><see langword="true"/> when the flow may change the field.</returns>
    public static bool MayPropose(ChangeDirection direction, ProductField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return direction switch
        {
            ChangeDirection.EtilizeImport => field.Owner is SourceSystem.Etilize or SourceSystem.Xorosoft,
            ChangeDirection.PullFromShopify => field.Owner is SourceSystem.Shopify,
            ChangeDirection.XorosoftInventory => field.Owner is SourceSystem.Xorosoft,
            ChangeDirection.PushToShopify or ChangeDirection.Manual or ChangeDirection.Rollback => true,
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown change direction."),
        };
    }
}
