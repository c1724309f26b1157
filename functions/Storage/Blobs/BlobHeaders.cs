using System.Globalization;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Blobs;

/// <summary>The request and response headers Blob operations share: conditions, leases, metadata, properties.</summary>
internal static class BlobHeaders
{
    private const string MetadataPrefix = "x-ms-meta-";

    public static void SetConditions(Request request, RequestConditions? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue("If-Match", ifMatch.ToString("H"));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue("If-None-Match", ifNoneMatch.ToString("H"));
        }

        if (conditions.IfModifiedSince is { } modifiedSince)
        {
            request.Headers.SetValue("If-Modified-Since", modifiedSince.ToString("R", CultureInfo.InvariantCulture));
        }

        if (conditions.IfUnmodifiedSince is { } unmodifiedSince)
        {
            request.Headers.SetValue("If-Unmodified-Since", unmodifiedSince.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    public static void SetLease(Request request, string? leaseId)
    {
        if (leaseId is not null)
        {
            request.Headers.SetValue("x-ms-lease-id", leaseId);
        }
    }

    public static void SetMetadata(Request request, IDictionary<string, string>? metadata)
    {
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            request.Headers.SetValue(MetadataPrefix + name, value);
        }
    }

    public static BlobProperties ReadProperties(Response response) => new(
        long.Parse(Header(response, "Content-Length") ?? "0", CultureInfo.InvariantCulture),
        Header(response, "Content-Type"),
        ReadETag(response),
        ReadLastModified(response),
        response.Headers
            .Where(h => h.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name[MetadataPrefix.Length..], h => h.Value, StringComparer.OrdinalIgnoreCase),
        Header(response, "x-ms-lease-state"),
        Header(response, "x-ms-lease-status"));

    public static BlobContentInfo ReadContentInfo(Response response) => new(ReadETag(response), ReadLastModified(response));

    public static ETag ReadETag(Response response) => response.Headers.ETag ?? default;

    public static DateTimeOffset ReadLastModified(Response response) =>
        Header(response, "Last-Modified") is { } value
            ? DateTimeOffset.ParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : default;

    public static string? Header(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;
}
