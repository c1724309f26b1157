using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Blobs;

/// <summary>
/// One block blob: upload, download (streaming), properties, metadata, existence and delete, each optionally
/// conditional on the blob's version; shaped like Azure.Storage.Blobs' <c>BlobClient</c>.
/// </summary>
/// <remarks>Get one from <see cref="BlobContainerClient.GetBlobClient"/>. Thread-safe.</remarks>
public partial class BlobClient
{
    private readonly StoragePipeline _pipeline;

    internal BlobClient(StoragePipeline pipeline, BlobContainerClient container, string blobName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        _pipeline = pipeline;
        Name = blobName;
        var encodedPath = string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
        Uri = new Uri($"{container.Uri}/{encodedPath}");
    }

    /// <summary>For mocking only: every member is virtual.</summary>
    protected BlobClient()
    {
        _pipeline = null!;
        Name = null!;
        Uri = null!;
    }

    /// <summary>The blob's name within its container.</summary>
    public virtual string Name { get; }

    /// <summary>The blob's URI.</summary>
    public virtual Uri Uri { get; }

    /// <summary>Downloads the blob as a stream read from the network as the caller consumes it.</summary>
    /// <param name="conditions">Conditions on the blob's version, e.g. <c>IfMatch</c> to read exactly a known version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content stream (the caller disposes it) and the blob's properties.</returns>
    /// <exception cref="RequestFailedException">404 <c>BlobNotFound</c>, 412 when a condition fails, or another failure.</exception>
    public virtual async Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.BufferResponse = false;
        BlobHeaders.SetConditions(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var content = message.ExtractResponseContent() ?? Stream.Null;
        return Response.FromValue(new BlobDownloadStreamingResult(content, BlobHeaders.ReadProperties(response)), response);
    }

    /// <summary>Downloads the whole blob into memory; for small blobs only.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content.</returns>
    /// <exception cref="RequestFailedException">404 <c>BlobNotFound</c>, or another failure.</exception>
    public virtual async Task<Response<BinaryData>> DownloadContentAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Uri);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Content, response);
    }

    /// <summary>Reads the blob's properties and metadata.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The properties.</returns>
    /// <exception cref="RequestFailedException">404 <c>BlobNotFound</c>, or another failure.</exception>
    public virtual async Task<Response<BlobProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, Uri);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobHeaders.ReadProperties(response), response);
    }

    /// <summary>Replaces the blob's metadata.</summary>
    /// <param name="metadata">The new metadata (all of it).</param>
    /// <param name="conditions">Conditions on the blob's version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The blob's new version.</returns>
    /// <exception cref="RequestFailedException">404, 412 when a condition fails, or another failure.</exception>
    public virtual async Task<Response<BlobContentInfo>> SetMetadataAsync(IDictionary<string, string> metadata, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri($"{Uri}?comp=metadata"));
        BlobHeaders.SetMetadata(message.Request, metadata);
        BlobHeaders.SetConditions(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobHeaders.ReadContentInfo(response), response);
    }

    /// <summary>Whether the blob exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    /// <exception cref="RequestFailedException">A failure other than 404.</exception>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, Uri);
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return Response.FromValue(!response.IsError, response);
    }

    /// <summary>Deletes the blob; one that does not exist is not an error.</summary>
    /// <param name="conditions">Conditions on the blob's version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="true"/> when a blob was deleted.</returns>
    /// <exception cref="RequestFailedException">412 when a condition fails, 412 <c>LeaseIdMissing</c> when leased, or another failure.</exception>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri);
        BlobHeaders.SetConditions(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return Response.FromValue(!response.IsError, response);
    }

    /// <summary>Sends a lease request; for <see cref="BlobLeaseClient"/>.</summary>
    internal async Task<Response> SendLeaseRequestAsync(Action<Request> configure, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri($"{Uri}?comp=lease"));
        configure(message.Request);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
