namespace CowansSync.Functions.Apis;

/// <summary>A page of a product's versions: <c>{success, sku, items, total, page, per_page, total_pages}</c>, newest first.</summary>
/// <param name="Sku">The product's SKU as spelt by its source.</param>
/// <param name="Items">The page's versions.</param>
/// <param name="Total">How many versions the product has.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PerPage">The page size.</param>
public sealed record ProductVersionList(string Sku, IReadOnlyList<ProductVersionItem> Items, int Total, int Page, int PerPage)
{
    /// <summary>Always <see langword="true"/>, as in every list.</summary>
    public bool Success { get; } = true;

    /// <summary>How many pages the list has.</summary>
    public int TotalPages => (Total + PerPage - 1) / PerPage;
}
