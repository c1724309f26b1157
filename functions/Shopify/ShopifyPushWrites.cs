using System.Security.Cryptography;
using System.Text;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>The single mutations of a push, each answering Shopify's <c>userErrors</c> (empty on success).</summary>
/// <remarks>
/// Each is harmless when repeated: product, variant and collection writes set the same values again, and stock writes
/// carry an idempotency key, so a repeat is answered with the first answer and applied once.
/// </remarks>
internal sealed class ShopifyPushWrites(ShopifyGraphQLClient client)
{
    private static readonly ShopifyDocument s_createProduct = ShopifyDocument.Load("CreateProduct", estimatedCost: 10);
    private static readonly ShopifyDocument s_updateProduct = ShopifyDocument.Load("UpdateProduct", estimatedCost: 10);
    private static readonly ShopifyDocument s_deleteProduct = ShopifyDocument.Load("DeleteProduct", estimatedCost: 10);
    private static readonly ShopifyDocument s_updateVariant = ShopifyDocument.Load("UpdateVariant", estimatedCost: 10);
    private static readonly ShopifyDocument s_setInventory = ShopifyDocument.Load("SetInventory", estimatedCost: 10);
    private static readonly ShopifyDocument s_firstLocation = ShopifyDocument.Load("FirstLocation", estimatedCost: 3);
    private static readonly ShopifyDocument s_collectionByHandle = ShopifyDocument.Load("CollectionByHandle", estimatedCost: 1);
    private static readonly ShopifyDocument s_addToCollection = ShopifyDocument.Load("AddToCollection", estimatedCost: 10);

    private string? _locationId;

    /// <summary>A UUID-shaped key for <c>@idempotent</c>, derived from the caller's key and the write's purpose.</summary>
    /// <remarks>Shopify documents UUIDs as keys; hashing keeps it deterministic, so a retried change sends the same key.</remarks>
    public static string IdempotencyKey(string key, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{key}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    public async Task<(CreatedProductNode? Product, IReadOnlyList<ShopifyUserError> Errors)> CreateProductAsync(object product, object[]? media, CancellationToken cancellationToken)
    {
        var payload = (await client.ExecuteAsync<CreateProductData>(s_createProduct, new { product, media }, cancellationToken).ConfigureAwait(false)).ProductCreate;
        return (payload.Product, Errors(payload.UserErrors));
    }

    public async Task<IReadOnlyList<ShopifyUserError>> UpdateProductAsync(object product, object[]? media, CancellationToken cancellationToken)
        => Errors((await client.ExecuteAsync<UpdateProductData>(s_updateProduct, new { product, media }, cancellationToken).ConfigureAwait(false)).ProductUpdate.UserErrors);

    public async Task<IReadOnlyList<ShopifyUserError>> DeleteProductAsync(string productId, CancellationToken cancellationToken)
        => Errors((await client.ExecuteAsync<DeleteProductData>(s_deleteProduct, new { input = new { id = productId } }, cancellationToken).ConfigureAwait(false)).ProductDelete.UserErrors);

    public async Task<IReadOnlyList<ShopifyUserError>> UpdateVariantAsync(string productId, object variant, CancellationToken cancellationToken)
        => Errors((await client.ExecuteAsync<UpdateVariantData>(s_updateVariant, new { productId, variants = new[] { variant } }, cancellationToken).ConfigureAwait(false))
            .ProductVariantsBulkUpdate.UserErrors);

    /// <summary>Sets available stock at the shop's first location if it is still <paramref name="changeFromQuantity"/>
    /// (null opts out of the check, for an item Shopify reports no quantity for).</summary>
    public async Task<IReadOnlyList<ShopifyUserError>> SetStockAsync(string inventoryItemId, int quantity, int? changeFromQuantity, string key, CancellationToken cancellationToken)
    {
        var locationId = await LocationIdAsync(cancellationToken).ConfigureAwait(false);
        var input = new
        {
            name = "available",
            reason = "correction",
            quantities = new[] { new { inventoryItemId, locationId, quantity, changeFromQuantity } },
        };
        return Errors((await client.ExecuteAsync<SetInventoryData>(s_setInventory, new { input, key }, cancellationToken).ConfigureAwait(false)).InventorySetQuantities.UserErrors);
    }

    /// <summary>Adds the product to each collection by handle; a handle the store does not have is an error, the others still join.</summary>
    public async Task<IReadOnlyList<ShopifyUserError>> AddToCollectionsAsync(string productId, IEnumerable<string> handles, CancellationToken cancellationToken)
    {
        var errors = new List<ShopifyUserError>();
        foreach (var handle in handles)
        {
            var collection = (await client.ExecuteAsync<CollectionByHandleData>(s_collectionByHandle, new { handle }, cancellationToken).ConfigureAwait(false)).CollectionByIdentifier;
            if (collection is null)
            {
                errors.Add(new ShopifyUserError("collections", $"The store has no collection with the handle '{handle}'.", "COLLECTION_NOT_FOUND"));
                continue;
            }

            var payload = (await client.ExecuteAsync<AddToCollectionData>(s_addToCollection, new { id = collection.Id, productIds = new[] { productId } }, cancellationToken).ConfigureAwait(false))
                .CollectionAddProducts;
            errors.AddRange(Errors(payload.UserErrors));
        }

        return errors;
    }

    /// <summary>Shopify's userErrors as the port's, field paths joined with dots.</summary>
    public static IReadOnlyList<ShopifyUserError> Errors(IReadOnlyList<BulkUserError>? userErrors)
        => [.. (userErrors ?? []).Select(error => new ShopifyUserError(error.Field is { Count: > 0 } field ? string.Join('.', field) : null, error.Message, error.Code))];

    // The store has one location and it does not move, so one lookup per process is enough; a race only repeats it.
    private async Task<string> LocationIdAsync(CancellationToken cancellationToken)
    {
        if (_locationId is { } known)
        {
            return known;
        }

        var locations = (await client.ExecuteAsync<FirstLocationData>(s_firstLocation, null, cancellationToken).ConfigureAwait(false)).Locations.Nodes;
        _locationId = locations is [var first, ..] ? first.Id : throw new ShopifyGraphQLException("FirstLocation", ["the shop has no location to hold stock"], null);
        return _locationId;
    }
}
