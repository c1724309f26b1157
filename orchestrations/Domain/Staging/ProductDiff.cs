using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>The field-by-field difference between a product as it is and as a flow proposes it.</summary>
/// <param name="Sku">The product.</param>
/// <param name="ChangeType">Create when there is no current product, delete when nothing is proposed, else update.</param>
/// <param name="Direction">The proposing flow.</param>
/// <param name="Current">The before-image.</param>
/// <param name="Proposed">
/// The after-image. For an update it is the current product with only the listed changes applied, so
/// applying it can never carry a value the proposing flow does not own.
/// </param>
/// <param name="FieldChanges">The changed fields, in <see cref="ProductFields.All"/> order.</param>
public sealed record ProductDiff(
    Sku Sku,
    ChangeType ChangeType,
    ChangeDirection Direction,
    Product? Current,
    Product? Proposed,
    IReadOnlyList<FieldChange> FieldChanges)
{
    /// <summary>Whether nothing would change (an update of only unchanged or unowned fields).</summary>
    public bool IsEmpty => FieldChanges.Count == 0;

    /// <summary>Compares a product with what a flow proposes.</summary>
    /// <remarks>
    /// An update lists only fields the flow owns (<see cref="FieldOwnership"/>) and whose values differ.
    /// A create lists every field the proposal fills — there is nothing yet to overwrite — and a
    /// delete every field the product had.
    /// </remarks>
    /// <param name="current">The product now, or <see langword="null"/> when it does not exist.</param>
    /// <param name="proposed">The product as proposed, or <see langword="null"/> to delete it.</param>
    /// <param name="direction">The proposing flow.</param>
    /// <returns>The diff.</returns>
    /// <exception cref="ArgumentException">Both products are null, or their SKUs differ.</exception>
    public static ProductDiff Between(Product? current, Product? proposed, ChangeDirection direction)
    {
        var sku = (current ?? proposed)?.Sku ?? throw new ArgumentException("A diff needs a current or a proposed product.", nameof(proposed));
        if (current is not null && proposed is not null && current.Sku != proposed.Sku)
        {
            throw new ArgumentException($"Cannot diff '{current.Sku}' against '{proposed.Sku}'.", nameof(proposed));
        }

        var (changeType, changedFields) = (current, proposed) switch
        {
            (null, { } created) => (ChangeType.Create, ProductFields.All.Where(f => f.HasValue(created))),
            ({ } deleted, null) => (ChangeType.Delete, ProductFields.All.Where(f => f.HasValue(deleted))),
            ({ } before, { } after) => (ChangeType.Update, ProductFields.All.Where(f => FieldOwnership.MayPropose(direction, f) && !f.HasSameValue(before, after))),
            _ => throw new ArgumentException("A diff needs a current or a proposed product.", nameof(proposed)),
        };

        var fields = changedFields.ToList();
        var changes = fields.Select(f => FieldChange.Of(f, current, proposed)).ToList();
        var afterImage = changeType == ChangeType.Update
            ? fields.Aggregate(current!, (product, field) => field.CopyValue(proposed!, product))
            : proposed;
        return new ProductDiff(sku, changeType, direction, current, afterImage, changes);
    }
}
