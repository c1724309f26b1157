using System.Runtime.CompilerServices;
using Azure;

namespace CowansSync.Functions.Storage;

/// <summary>
/// Pages of a listing or query, fetched one request at a time for as long as the service hands back a continuation.
/// </summary>
/// <remarks>
/// A page may be empty and still carry a continuation (Table queries stop at partition boundaries and time
/// limits), so only a missing continuation ends the listing.
/// </remarks>
internal sealed class ContinuationPageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
    CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        PagesAsync(continuationToken, pageSizeHint, CancellationToken);

    private async IAsyncEnumerable<Page<T>> PagesAsync(
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
