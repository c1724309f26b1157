using System.Runtime.CompilerServices;
using Azure;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// Pages of a query, fetched one request at a time for as long as the service hands back a continuation.
/// </summary>
/// <remarks>
/// A page may be empty and still carry a continuation (the service stops at partition boundaries and time
/// limits), so only a missing continuation ends the query.
/// </remarks>
internal sealed class TableQueryPageable(
    Func<string?, int?, CancellationToken, Task<Page<TableEntity>>> fetchPage,
    CancellationToken cancellationToken)
    : AsyncPageable<TableEntity>(cancellationToken)
{
    public override IAsyncEnumerable<Page<TableEntity>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        PagesAsync(continuationToken, pageSizeHint, CancellationToken);

    private async IAsyncEnumerable<Page<TableEntity>> PagesAsync(
        string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var page = await fetchPage(continuationToken, pageSizeHint, cancellationToken).ConfigureAwait(false);
            yield return page;
            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);
    }
}
