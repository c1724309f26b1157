using System.Text.Json;
using System.Text.Json.Nodes;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Apis;

/// <summary>A local product as the API shows it: its <see cref="DomainJson"/> record plus <c>product_id</c> and <c>sync_status</c>.</summary>
public static class ProductView
{
    /// <summary>The product's JSON object.</summary>
    /// <param name="product">A local product.</param>
    /// <returns>The record's fields (snake_case, like a staged change's <c>current_data</c>), the normalized SKU as
    /// <c>product_id</c>, and <see cref="ProductSyncStatus.Of"/> as <c>sync_status</c>.</returns>
    public static JsonObject Of(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var view = JsonSerializer.SerializeToNode(product, DomainJson.Options)!.AsObject();
        view["product_id"] = product.Sku.Normalized;
        view["sync_status"] = ProductSyncStatus.Of(product);
        return view;
    }
}
