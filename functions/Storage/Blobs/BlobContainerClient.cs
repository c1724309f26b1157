using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Blobs;

/// <summary>
/// One blob container: create and delete it, list its blobs, and hand out <see cref="BlobClient"/>s, shaped like
/// Azure.Storage.Blobs' <c>BlobContainerClient</c> (which cannot be restored here).
/// </summary>
/// <remarks>Thread-safe; keep one per container. Its blob clients share its pipeline.</remarks>
public class BlobContainerClient
{
    private readonly StoragePipeline _pipeline;

    /// <summary>Creates a client for <paramref name="containerName"/> in <paramref name="account"/>.</summary>
    /// <param name="account">The storage account: endpoint and credential.</param>
    /// <param name="containerName">The container's name (lower-case letters, digits and dashes).</param>
    /// <param name="options">Retries, transport, diagnostics and the service version.</param>
    /// <exception cref="ArgumentException">The container name is empty.</exception>
    public BlobContainerClient(StorageAccount account, string containerName, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(containerName);
        _pipeline = new StoragePipeline(account, options, table: false);
        Uri = new Uri($"{account.BlobEndpoint.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(containerName)}");
        Name = containerName;
    }

    /// <summary>For mocking only: every member is virtual.</summary>
    protected BlobContainerClient()
    {
        _pipeline = null!;
        Uri = null!;
        Name = null!;
    }

    /// <summary>The container's name.</summary>
    public virtual string Name { get; }

    /// <summary>The container's URI.</summary>
    public virtual Uri Uri { get; }

    /// <summary>Creates the container unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>201 when created; the 409 <c>ContainerAlreadyExists</c> response when it existed.</returns>
    /// <exception cref="RequestFailedException">Any other failure.</exception>
    public virtual async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri($"{Uri}?restype=container"));
        var response = await _pipeline.SendAsync(message, cancellationToken, 409).ConfigureAwait(false);
        return response.Status == 409 && BlobHeaders.Header(response, "x-ms-error-code") != "ContainerAlreadyExists"
            ? throw new RequestFailedException(response)
            : response;
    }

    /// <summary>Deletes the container and its blobs; a container that does not exist is not an error.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="true"/> when a container was deleted.</returns>
    /// <exception cref="RequestFailedException">The service refused the delete.</exception>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, new Uri($"{Uri}?restype=container"));
        var response = await _pipeline.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return Response.FromValue(!response.IsError, response);
    }

    /// <summary>A client for one blob of this container.</summary>
    /// <param name="blobName">The blob's name; '/' separates virtual folders.</param>
    /// <returns>The client.</returns>
    public virtual BlobClient GetBlobClient(string blobName) => new(_pipeline, this, blobName);

    /// <summary>Lists the blobs whose names start with <paramref name="prefix"/>, in name order, with their metadata.</summary>
    /// <param name="prefix">The name prefix; all blobs when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The blobs, fetched a page (up to the page size hint, at most 5,000) at a time.</returns>
    public virtual AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        new ContinuationPageable<BlobItem>((marker, pageSize, ct) => ListPageAsync(prefix, marker, pageSize, ct), cancellationToken);

    private async Task<Page<BlobItem>> ListPageAsync(string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        var query = "restype=container&comp=list&include=metadata";
        query += prefix is null ? string.Empty : $"&prefix={Uri.EscapeDataString(prefix)}";
        query += marker is null ? string.Empty : $"&marker={Uri.EscapeDataString(marker)}";
        query += pageSize is { } size ? $"&maxresults={size.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        using var message = _pipeline.CreateMessage(RequestMethod.Get, new Uri($"{Uri}?{query}"));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        var root = XDocument.Parse(response.Content.ToString()).Root!;
        var items = root.Element("Blobs")?.Elements("Blob").Select(ToItem).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
    }

    private static BlobItem ToItem(XElement blob)
    {
        var properties = blob.Element("Properties")!;
        return new BlobItem(
            blob.Element("Name")!.Value,
            new BlobItemProperties(
                long.Parse(properties.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
                properties.Element("Content-Type")?.Value,
                new ETag(properties.Element("Etag")?.Value ?? string.Empty),
                DateTimeOffset.ParseExact(properties.Element("Last-Modified")!.Value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)),
            blob.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
    }
}
