using Azure;

namespace CowansSync.Functions.Storage.Blobs;

/// <summary>The new version of a blob after an upload.</summary>
/// <param name="ETag">The blob's new ETag.</param>
/// <param name="LastModified">When it was written.</param>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified);

/// <summary>A blob's system properties and metadata.</summary>
/// <param name="ContentLength">Size in bytes.</param>
/// <param name="ContentType">The content type.</param>
/// <param name="ETag">The current version.</param>
/// <param name="LastModified">When it was last written.</param>
/// <param name="Metadata">The user metadata.</param>
/// <param name="LeaseState">available, leased, expired, breaking or broken.</param>
/// <param name="LeaseStatus">locked or unlocked.</param>
public sealed record BlobProperties(
    long ContentLength, string? ContentType, ETag ETag, DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata, string? LeaseState, string? LeaseStatus);

/// <summary>A blob as a listing shows it.</summary>
/// <param name="Name">The blob's name.</param>
/// <param name="Properties">Size, content type and version.</param>
/// <param name="Metadata">The user metadata.</param>
public sealed record BlobItem(string Name, BlobItemProperties Properties, IReadOnlyDictionary<string, string> Metadata);

/// <summary>A listed blob's system properties.</summary>
/// <param name="ContentLength">Size in bytes.</param>
/// <param name="ContentType">The content type.</param>
/// <param name="ETag">The current version.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record BlobItemProperties(long ContentLength, string? ContentType, ETag ETag, DateTimeOffset LastModified);

/// <summary>A downloaded blob: its content as a network stream the caller reads and disposes, and its properties.</summary>
/// <param name="Content">The content, read from the network as the caller consumes it.</param>
/// <param name="Details">The blob's properties at the time of the download.</param>
public sealed record BlobDownloadStreamingResult(Stream Content, BlobProperties Details);

/// <summary>A lease on a blob.</summary>
/// <param name="LeaseId">The lease id, needed to renew, release or write under the lease.</param>
/// <param name="ETag">The blob's version.</param>
/// <param name="LastModified">When the blob was last written.</param>
public sealed record BlobLease(string LeaseId, ETag ETag, DateTimeOffset LastModified);
