using System.Net;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Xorosoft;

/// <summary>Reading Xorosoft's answers: statuses, the envelope, and products as items.</summary>
public sealed partial class XorosoftClient
{
    private static void ThrowOnStatus(HttpStatusCode status, Uri uri)
    {
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new XorosoftApiException(
                $"Xorosoft refused the credentials (HTTP {(int)status}); check Xorosoft__ApiKey and Xorosoft__ApiSecret.", status);
        }

        if ((int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            throw new XorosoftTransientException($"HTTP {(int)status}");
        }

        if (!((int)status is >= 200 and < 300))
        {
            throw new XorosoftApiException($"Xorosoft answered {uri.AbsolutePath} with HTTP {(int)status}.", status);
        }
    }

    private IReadOnlyList<T> Unwrap<T>(XorosoftEnvelope<T> envelope, Uri uri, bool allowEmptyFailure)
    {
        if (envelope.Result)
        {
            return envelope.Data ?? [];
        }

        // Xorosoft sends the same ErrorCode for "throttled" and "not found"; only the message tells them apart.
        if (IsThrottled(envelope.Message))
        {
            Interlocked.Increment(ref _throttled);
            LogThrottled(uri.AbsolutePath);
            throw new XorosoftTransientException($"throttled: {envelope.Message}");
        }

        if (allowEmptyFailure && (envelope.Data is null || envelope.Data.Count == 0))
        {
            return [];
        }

        throw new XorosoftApiException($"Xorosoft refused {uri.AbsolutePath}: {envelope.Message} ({envelope.ErrorCode}).");
    }

    private static bool IsThrottled(string? message) =>
        message is not null
        && (message.Contains("too many", StringComparison.OrdinalIgnoreCase) || message.Contains("retry later", StringComparison.OrdinalIgnoreCase));

    private static List<XorosoftItem> ToItems(IReadOnlyList<XorosoftProductDto> products) =>
        [.. products.SelectMany(product => (product.Variants ?? []).Select(variant => new XorosoftItem(
            variant.ItemNumber,
            product.BasePartNumber,
            variant.Description ?? product.Title,
            product.VendorName,
            variant.ManufacturerPartNumber,
            variant.ItemUpc,
            variant.StandardUnitPrice,
            variant.StandardUnitCost,
            Stock: null,
            Active: variant.ActiveFlag ?? true)))];
}
