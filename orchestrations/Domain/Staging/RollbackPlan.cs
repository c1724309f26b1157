using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Rules;

namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>The change that undoes an applied one (docs/DOMAIN.md "Versions and rollback").</summary>
public static class RollbackPlan
{
    /// <summary>The verdict every rollback carries: a person asked for it, so it is approved as it is staged.</summary>
    public static ApprovalVerdict Verdict { get; } = new(true, null, "Rollback", "A rollback restores the before-image of an applied change.");

    /// <summary>
    /// Stages the before-image of an applied change as a new change, approved. Its before-image is what the applied
    /// change left in the store, so a push that finds the product changed again reports a conflict instead of
    /// overwriting. A create has no before-image: its rollback archives the product rather than deleting it.
    /// </summary>
    /// <param name="applied">The applied change.</param>
    /// <param name="runId">The rollback run.</param>
    /// <param name="review">Who asked for it, when, and why.</param>
    /// <returns>The rollback change (its id follows from the run), or the refusal when <paramref name="applied"/> is not applied.</returns>
    public static StagedChangeTransition For(StagedChange applied, string runId, ReviewInfo review)
    {
        ArgumentNullException.ThrowIfNull(applied);
        if (ChangeLifecycle.RefusalOf(applied.Status, ChangeStatus.RolledBack) is { } refusal)
        {
            return new StagedChangeTransition(null, refusal);
        }

        var left = applied.ProposedData ?? throw new InvalidOperationException($"The applied change '{applied.ChangeId}' has no after-image.");
        var restored = applied.CurrentData is { } before ? WithStoreIds(before, left) : left with { Status = ProductStatus.Archived };
        var diff = ProductDiff.Between(left, restored, ChangeDirection.Rollback);
        var change = StagedChange.Stage(runId, diff, review.ReviewedAt) with
        {
            RollsBack = applied.ChangeId,
            Priority = ChangePriority.Critical,
            Review = review,
        };
        return change.Decide(Verdict);
    }

    // The before-image of a product created earlier in the same change chain may lack ids the store assigned since.
    private static Product WithStoreIds(Product before, Product left) => before with
    {
        ShopifyProductId = left.ShopifyProductId ?? before.ShopifyProductId,
        ShopifyVariantId = left.ShopifyVariantId ?? before.ShopifyVariantId,
        ShopifyInventoryItemId = left.ShopifyInventoryItemId ?? before.ShopifyInventoryItemId,
    };
}
