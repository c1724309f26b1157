using Azure;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Workflows;

/// <summary>Claim-check payloads as blobs; a path is <c>container/name</c>.</summary>
public sealed class BlobPayloadStore(StorageClients storage) : IPayloadStore
{
    /// <inheritdoc />
    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var (container, name) = Split(path);
        var client = await storage.GetBlobContainerAsync(container, cancellationToken);
        await client.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var (container, name) = Split(path);
        var client = await storage.GetBlobContainerAsync(container, cancellationToken);
        try
        {
            var download = await client.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            throw new FileNotFoundException($"No payload is stored at '{path}'.", path, error);
        }
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var (container, name) = Split(path);
        var client = await storage.GetBlobContainerAsync(container, cancellationToken);
        try
        {
            return (await client.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            throw new FileNotFoundException($"No payload is stored at '{path}'.", path, error);
        }
    }

    private static (string Container, string Name) Split(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < path.Length - 1
            ? (path[..slash], path[(slash + 1)..])
            : throw new ArgumentException($"A payload path is 'container/name', not '{path}'.", nameof(path));
    }
}
