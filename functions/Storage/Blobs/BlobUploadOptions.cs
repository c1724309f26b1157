using Azure;

namespace CowansSync.Functions.Storage.Blobs;

/// <summary>How to upload a blob.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>The content type stored with the blob.</summary>
    /// <value>The default value is <see langword="null"/> (the service stores <c>application/octet-stream</c>).</value>
    public string? ContentType { get; init; }

    /// <summary>User metadata stored with the blob (names must be valid C# identifiers).</summary>
    /// <value>The default value is none.</value>
    public IDictionary<string, string>? Metadata { get; init; }

    /// <summary>Conditions on the blob's current version: <c>IfNoneMatch = ETag.All</c> creates only, <c>IfMatch</c> replaces a known version.</summary>
    /// <value>The default value is none: the upload overwrites whatever is there.</value>
    public RequestConditions? Conditions { get; init; }

    /// <summary>The lease to write under, when the blob is leased.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? LeaseId { get; init; }

    /// <summary>
    /// The size of each block, and so the memory an upload holds: content that fits in one block is sent with a
    /// single Put Blob, larger content block by block.
    /// </summary>
    /// <value>The default value is 8 MiB.</value>
    public int BlockSizeBytes { get; init; } = 8 * 1024 * 1024;
}
