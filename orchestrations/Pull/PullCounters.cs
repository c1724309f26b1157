namespace CowansSync.Orchestrations.Pull;

/// <summary>The pull's counters, its summary on the run: products read, local changes written, conflicts found.</summary>
public static class PullCounters
{
    /// <summary>Store products read.</summary>
    public const string ProductsChecked = "products_checked";

    /// <summary>Local products written (new or updated), each with a version.</summary>
    public const string TotalChanges = "total_changes";

    /// <summary>Products the local catalog did not have.</summary>
    public const string NewProducts = "new_products";

    /// <summary>Local products that took the store's values.</summary>
    public const string UpdatedProducts = "updated_products";

    /// <summary>Fields of open changes that Shopify contradicts.</summary>
    public const string Conflicts = "conflicts";

    /// <summary>Of those, the ones the conflict rules settled without a person.</summary>
    public const string AutoApproved = "auto_approved";

    /// <summary>Product–collection associations the read products have.</summary>
    public const string Associations = "associations";

    /// <summary>Every counter, in summary order.</summary>
    public static IReadOnlyList<string> All { get; } = [ProductsChecked, TotalChanges, NewProducts, UpdatedProducts, Conflicts, AutoApproved, Associations];

    /// <summary>Every counter at zero.</summary>
    /// <returns>The counters.</returns>
    public static IReadOnlyDictionary<string, long> None() => All.ToDictionary(name => name, _ => 0L, StringComparer.Ordinal);

    /// <summary>Counts the plans of one batch.</summary>
    /// <param name="plans">What the pull did with each product.</param>
    /// <param name="associations">The product–collection associations recorded.</param>
    /// <returns>The counters.</returns>
    public static IReadOnlyDictionary<string, long> Of(IReadOnlyCollection<PulledProduct> plans, long associations = 0)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var conflicts = plans.SelectMany(plan => plan.Conflicts.Values).SelectMany(fields => fields).ToList();
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [ProductsChecked] = plans.Count,
            [TotalChanges] = plans.Count(plan => plan.Local is not null),
            [NewProducts] = plans.Count(plan => plan.IsNew),
            [UpdatedProducts] = plans.Count(plan => plan.Local is not null && !plan.IsNew),
            [Conflicts] = conflicts.Count,
            [AutoApproved] = conflicts.Count(conflict => conflict.Suggestion.IsResolved),
            [Associations] = associations,
        };
    }
}
