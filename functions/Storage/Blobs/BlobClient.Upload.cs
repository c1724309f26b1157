using System.Buffers;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Blobs;

/// <summary>Uploads.</summary>
public partial class BlobClient
{
    /// <summary>Uploads <paramref name="content"/> as the blob's new content.</summary>
    /// <param name="content">The content.</param>
    /// <param name="options">Content type, metadata, conditions, lease.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The blob's new version.</returns>
    /// <exception cref="RequestFailedException">409 <c>BlobAlreadyExists</c> / 412 when a condition fails, 412 when leased by another, or another failure.</exception>
    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return UploadAsync(content.ToStream(), options, cancellationToken);
    }

    /// <summary>
    /// Uploads <paramref name="content"/> (seekable or not) as the blob's new content, holding at most one block
    /// in memory: content that fits in one block goes in a single Put Blob, larger content as blocks committed
    /// together at the end, so readers see the old content until the new one is complete.
    /// </summary>
    /// <param name="content">The content, read to its end.</param>
    /// <param name="options">Content type, metadata, conditions, lease and block size.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The blob's new version.</returns>
    /// <exception cref="RequestFailedException">409 <c>BlobAlreadyExists</c> / 412 when a condition fails, 412 when leased by another, or another failure.</exception>
    public virtual async Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobUploadOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BlockSizeBytes, 1, nameof(options));

        var buffer = ArrayPool<byte>.Shared.Rent(options.BlockSizeBytes);
        try
        {
            var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, options.BlockSizeBytes), options.BlockSizeBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled < options.BlockSizeBytes)
            {
                return await PutBlobAsync(buffer.AsMemory(0, filled), options, cancellationToken).ConfigureAwait(false);
            }

            var blockIds = new List<string>();
            while (filled > 0)
            {
                // Each block is its own buffered request body, so Azure.Core can replay it on a retry.
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D6", CultureInfo.InvariantCulture)));
                await PutBlockAsync(blockId, buffer.AsMemory(0, filled), options.LeaseId, cancellationToken).ConfigureAwait(false);
                blockIds.Add(blockId);
                filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, options.BlockSizeBytes), options.BlockSizeBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            }

            return await PutBlockListAsync(blockIds, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<Response<BlobContentInfo>> PutBlobAsync(ReadOnlyMemory<byte> content, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        SetBlobHeaders(message.Request, options);
        message.Request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobHeaders.ReadContentInfo(response), response);
    }

    private async Task PutBlockAsync(string blockId, ReadOnlyMemory<byte> content, string? leaseId, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri($"{Uri}?comp=block&blockid={Uri.EscapeDataString(blockId)}"));
        BlobHeaders.SetLease(message.Request, leaseId);
        message.Request.Content = RequestContent.Create(content);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Response<BlobContentInfo>> PutBlockListAsync(IEnumerable<string> blockIds, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri($"{Uri}?comp=blocklist"));
        SetBlobHeaders(message.Request, options);
        var body = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var blockId in blockIds)
        {
            body.Append("<Latest>").Append(blockId).Append("</Latest>");
        }

        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body.Append("</BlockList>").ToString()));
        message.Request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobHeaders.ReadContentInfo(response), response);
    }

    /// <summary>The headers that apply to the blob as a whole: on a Put Blob, or on the Put Block List that commits it.</summary>
    private static void SetBlobHeaders(Request request, BlobUploadOptions options)
    {
        if (options.ContentType is not null)
        {
            request.Headers.SetValue("x-ms-blob-content-type", options.ContentType);
        }

        BlobHeaders.SetMetadata(request, options.Metadata);
        BlobHeaders.SetConditions(request, options.Conditions);
        BlobHeaders.SetLease(request, options.LeaseId);
    }
}
