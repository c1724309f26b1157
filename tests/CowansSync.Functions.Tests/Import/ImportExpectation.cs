using System.Globalization;
using System.Text.Json;

namespace CowansSync.Functions.Tests.Import;

/// <summary>What the import must stage for each SKU of the sandbox's truth, with the verdicts docs/DOMAIN.md's default rules give.</summary>
internal sealed record ImportExpectation(IReadOnlyDictionary<string, ExpectedChange> Changes, IReadOnlyList<string> Filtered, IReadOnlyList<string> Unchanged)
{
    public int Rows => Changes.Count + Filtered.Count + Unchanged.Count;

    public int Pending => Changes.Values.Count(c => c.Status == "pending");

    public int Approved => Changes.Values.Count(c => c.Status == "approved");

    public static ImportExpectation From(JsonElement truth)
    {
        var changes = new Dictionary<string, ExpectedChange>(StringComparer.Ordinal);
        var filtered = new List<string>();
        var unchanged = new List<string>();
        foreach (var entry in truth.GetProperty("skus").EnumerateObject())
        {
            var sku = entry.Name;
            var item = entry.Value;
            switch (item.GetProperty("partition").GetString())
            {
                case "unknown_to_xorosoft":
                    filtered.Add(sku);
                    break;
                case "new_in_etilize":
                    // Rule 3: a create requires approval.
                    changes[sku] = new ExpectedChange("create", "pending", null);
                    break;
                case "in_all" when item.GetProperty("difference").ValueKind == JsonValueKind.Null:
                    unchanged.Add(sku);
                    break;
                case "in_all":
                    changes[sku] = UpdateOf(item);
                    break;
            }
        }

        return new ImportExpectation(changes, filtered, unchanged);
    }

    private static ExpectedChange UpdateOf(JsonElement item)
    {
        var xorosoft = item.GetProperty("xorosoft");
        var shopify = item.GetProperty("shopify");
        switch (item.GetProperty("difference").GetString())
        {
            case "price":
                // Rule 1: a price move over 20 % requires approval; otherwise the exact-SKU match (1.00) auto-approves.
                var percent = PercentChange(Decimal(shopify.GetProperty("price")), Decimal(xorosoft.GetProperty("price")));
                return new ExpectedChange("update", Math.Abs(percent) > 20m ? "pending" : "approved", "price");
            case "inventory":
                // Rule 2: a stock drop over 50 % requires approval.
                var before = shopify.GetProperty("inventory_quantity").GetInt32();
                var after = xorosoft.GetProperty("stock").GetProperty("MAIN").GetInt32();
                return new ExpectedChange("update", -PercentChange(before, after) > 50m ? "pending" : "approved", "inventory_quantity");
            default:
                return new ExpectedChange("update", "approved", "description_html");
        }
    }

    private static decimal PercentChange(decimal before, decimal after)
        => decimal.Round((after - before) / Math.Abs(before) * 100m, 2, MidpointRounding.AwayFromZero);

    private static decimal Decimal(JsonElement value)
        => value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDecimal();
}

/// <summary>One SKU's expected staged change.</summary>
/// <param name="ChangeType">create or update.</param>
/// <param name="Status">pending or approved.</param>
/// <param name="Field">For an update, the one field that changes.</param>
internal sealed record ExpectedChange(string ChangeType, string Status, string? Field);
