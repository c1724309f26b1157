namespace CowansSync.Functions.Apis;

/// <summary>A page of a list, in the API's list shape: <c>{success, items, total, page, per_page, total_pages}</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The page's items.</param>
/// <param name="Total">How many items the whole list has.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PerPage">The page size.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PerPage)
{
    /// <summary>Always <see langword="true"/>: the seeds' clients read it.</summary>
    public bool Success { get; } = true;

    /// <summary>How many pages the list has.</summary>
    public int TotalPages => (Total + PerPage - 1) / PerPage;
}
