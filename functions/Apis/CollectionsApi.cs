using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Products;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>GET /api/collections</c>, <c>/api/collections/{id}</c> and <c>/api/collections/{id}/products</c> (viewer): the store
/// collections and their products as the pulls recorded them. A collection's id is its handle.
/// </summary>
/// <param name="collections">The associations.</param>
public sealed class CollectionsApi(CollectionStore collections)
{
    /// <summary>Lists the collections with their product counts, by handle, paged.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming the bad parameter.</returns>
    [Function(nameof(ListCollections))]
    [Paged]
    [ProducesResponseType(typeof(PagedList<CollectionSummary>), StatusCodes.Status200OK)]
    [Authorize(Roles.Viewer)]
    public async Task<IResult> ListCollections(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "collections")] HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        var (page, perPage) = Paging.Read(request, errors);
        return errors.Count > 0
            ? TypedResults.BadRequest(new ApiError("The paging is invalid.", errors))
            : TypedResults.Ok((await collections.ListAsync(cancellationToken)).ToPage(page, perPage));
    }

    /// <summary>One collection.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The collection's handle.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The collection, or 404 when no pulled product is in it.</returns>
    [Function(nameof(GetCollection))]
    [ProducesResponseType(typeof(CollectionSummary), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ApiError), StatusCodes.Status404NotFound)]
    [Authorize(Roles.Viewer)]
    public async Task<IResult> GetCollection(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "collections/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var products = await collections.ProductsAsync(id, cancellationToken);
        return products.Count > 0 ? TypedResults.Ok(new CollectionSummary(id, products.Count)) : NotFound(id);
    }

    /// <summary>A collection's products, by SKU, paged.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The collection's handle.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page; 400 naming the bad parameter; 404 when no pulled product is in it.</returns>
    [Function(nameof(ListCollectionProducts))]
    [Paged]
    [ProducesResponseType(typeof(PagedList<CollectionProduct>), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ApiError), StatusCodes.Status404NotFound)]
    [Authorize(Roles.Viewer)]
    public async Task<IResult> ListCollectionProducts(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "collections/{id}/products")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        var (page, perPage) = Paging.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The paging is invalid.", errors));
        }

        var products = await collections.ProductsAsync(id, cancellationToken);
        return products.Count > 0 ? TypedResults.Ok(products.ToPage(page, perPage)) : NotFound(id);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.NotFound<ApiError> NotFound(string id)
        => TypedResults.NotFound(new ApiError("No pulled product is in this collection.", new Dictionary<string, object?> { ["id"] = id }));
}
