using System.Text.Json;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Domain.Conflicts;

/// <summary>
/// The conflict decision tree of seed 003 §5: price within tolerance → Shopify; stock zero in Shopify →
/// Xorosoft's (local) level; small stock differences → the lower level; every other field → its owner
/// when the owner made the local change; anything else → a person.
/// </summary>
public sealed class ConflictAutoResolver
{
    private readonly ConflictResolutionOptions _options;

    /// <summary>Creates the resolver.</summary>
    /// <param name="options">The tolerances; <see cref="ConflictResolutionOptions.Default"/> when omitted.</param>
    public ConflictAutoResolver(ConflictResolutionOptions? options = null) => _options = options ?? ConflictResolutionOptions.Default;

    /// <summary>Suggests how to settle a conflict on <paramref name="field"/>.</summary>
    /// <param name="field">The conflicting field.</param>
    /// <param name="local">The local value.</param>
    /// <param name="shopify">Shopify's value.</param>
    /// <param name="localChange">Who made the local change, if known.</param>
    /// <returns>The side to take, or manual review with the reason.</returns>
    public AutoResolution Suggest(ProductField field, JsonElement local, JsonElement shopify, FieldProvenance? localChange)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field == ProductFields.Price)
        {
            return SuggestPrice(NumberOf(local), NumberOf(shopify));
        }

        return field == ProductFields.InventoryQuantity
            ? SuggestInventory(NumberOf(local), NumberOf(shopify))
            : SuggestByOwner(field, localChange);
    }

    private AutoResolution SuggestPrice(decimal? local, decimal? shopify)
    {
        // The difference is measured against the local price, the one the catalog holds.
        if (FieldChange.PercentChange(local, shopify) is not { } percent)
        {
            return AutoResolution.Manual("A price is missing or the local price is zero, so the difference cannot be measured.");
        }

        var difference = Math.Abs(percent);
        return difference < _options.PriceTolerancePercent
            ? AutoResolution.UseShopify($"Prices differ by {difference} %, under {_options.PriceTolerancePercent} %: Shopify's price is kept.")
            : AutoResolution.Manual($"Prices differ by {difference} %, not under {_options.PriceTolerancePercent} %.");
    }

    private AutoResolution SuggestInventory(decimal? xorosoft, decimal? shopify)
    {
        if (shopify == 0)
        {
            return AutoResolution.UseLocal("Shopify shows no stock: Xorosoft's stock level is used.");
        }

        if (xorosoft > 0 && shopify > 0)
        {
            var difference = Math.Abs(xorosoft.Value - shopify.Value);
            if (difference < _options.InventoryToleranceUnits)
            {
                return xorosoft <= shopify
                    ? AutoResolution.UseLocal($"Stock differs by {difference} units, under {_options.InventoryToleranceUnits}: the lower (Xorosoft) level is used.")
                    : AutoResolution.UseShopify($"Stock differs by {difference} units, under {_options.InventoryToleranceUnits}: the lower (Shopify) level is used.");
            }

            return AutoResolution.Manual($"Stock differs by {difference} units, not under {_options.InventoryToleranceUnits}.");
        }

        // Xorosoft at zero (or negative) while Shopify still sells: a person should look.
        return AutoResolution.Manual("Stock is not positive on both sides and Shopify's is not zero.");
    }

    private static AutoResolution SuggestByOwner(ProductField field, FieldProvenance? localChange)
    {
        if (field.Owner == SourceSystem.Shopify)
        {
            return AutoResolution.UseShopify($"Shopify owns {field.Name}.");
        }

        // The owner's value wins only if the local value really came from the owner: a manual
        // local edit of Etilize content is a person's choice against a person's, not a rule's call.
        return field.Owner is { } owner && localChange?.Source == owner
            ? AutoResolution.UseLocal($"{owner} owns {field.Name} and made the local change.")
            : AutoResolution.Manual($"The local change to {field.Name} did not come from its owner{(field.Owner is { } o ? $" ({o})" : string.Empty)}.");
    }

    private static decimal? NumberOf(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
