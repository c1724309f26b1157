using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Etilize;

/// <summary>Claims the newest new Etilize file for a scheduled import (<see cref="IEtilizeDropClaims"/>), through the poll's fetcher.</summary>
/// <param name="provider">Resolves the fetcher once Etilize is known to be configured.</param>
/// <param name="options">Whether it is.</param>
public sealed class EtilizeDropClaims(IServiceProvider provider, IOptions<EtilizeOptions> options) : IEtilizeDropClaims
{
    /// <inheritdoc />
    public async Task<ClaimedDrop?> ClaimNewestAsync(string runId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.Host))
        {
            throw new InvalidOperationException("Etilize FTP is not configured (Etilize__Host): there is no file to import.");
        }

        // A repeat finds its own claim: the file it copied and claimed before it was interrupted.
        var fetcher = provider.GetRequiredService<EtilizeDropFetcher>();
        var claimed = (await fetcher.ListFilesAsync(cancellationToken)).FirstOrDefault(file => file.RunId == runId && file.BlobName is not null);
        if (claimed is not null)
        {
            return Of(claimed.BlobName!, claimed.FileName, claimed.Size);
        }

        return await fetcher.FetchNewestAsync(cancellationToken) is { } drop && await fetcher.MarkImportedAsync(drop, runId, cancellationToken)
            ? Of(drop.BlobName, drop.FileName, drop.Size)
            : null;
    }

    private static ClaimedDrop Of(string blobName, string fileName, long size) => new($"{EtilizeDropFetcher.DefaultContainerName}/{blobName}", fileName, size);
}
