using System.Text;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// Spreads one logical index over several partitions, because a table partition is served by one node (Azure caps
/// it at about 2,000 entities per second, Azurite slows down as it grows). The bucket is a stable hash of the key, so
/// a point read computes its partition.
/// </summary>
public static class TableBuckets
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>The bucket of a key: FNV-1a (32-bit) over its UTF-8 bytes, modulo <paramref name="buckets"/>.</summary>
    /// <param name="key">The key (usually the row key).</param>
    /// <param name="buckets">How many buckets.</param>
    /// <returns>A bucket in [0, <paramref name="buckets"/>).</returns>
    public static int Of(string key, int buckets)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);

        // string.GetHashCode is randomized per process; the partition must be the same in every process, forever.
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return (int)(hash % (uint)buckets);
    }

    /// <summary>The partition key of a key's bucket: <c>{prefix}~{bucket:D2}</c>.</summary>
    /// <param name="prefix">The index's name.</param>
    /// <param name="key">The key (usually the row key).</param>
    /// <param name="buckets">How many buckets.</param>
    /// <returns>The partition key.</returns>
    public static string Partition(string prefix, string key, int buckets) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}~{Of(key, buckets):D2}");
}
