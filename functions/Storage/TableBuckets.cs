using System.Globalization;
using System.Text;

namespace CowansSync.Functions.Storage;

/// <summary>
/// Spreads the rows of one logical group (e.g. a snapshot) over a fixed number of partitions, so writes are not
/// limited by one partition (Azure serves about 2,000 entities/s per partition; Azurite slows down as one grows).
/// The bucket of a key is stable across processes and machines: FNV-1a (32-bit) over its UTF-8 bytes, never
/// <see cref="string.GetHashCode()"/>, which is randomized per process.
/// </summary>
/// <remarks>
/// Partitions are <c>{prefix}~{bucket:D2}</c>. <c>~</c> is allowed in keys (only <c>/ \ # ?</c> and control
/// characters are refused) and sorts after every digit and letter, so <see cref="Range"/>
/// (<c>PartitionKey ge '{prefix}~' and PartitionKey lt '{prefix}~~'</c>) selects all of a prefix's buckets. That range
/// also holds any other prefix beginning with <c>{prefix}~</c> (with <see cref="TableKeyText"/>-escaped prefixes: one
/// whose text continues with an escaped character); a caller that can meet such prefixes also checks the length.
/// </remarks>
internal static class TableBuckets
{
    /// <summary>The most buckets: two digits keep every bucket of a prefix the same length, so they sort in order.</summary>
    public const int MaxBuckets = 100;

    private const char Separator = '~';
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;
    private const int MaxStackBytes = 256;

    /// <summary>The bucket (0 to <paramref name="buckets"/> - 1) of <paramref name="key"/>; the same on every run.</summary>
    public static int Of(string key, int buckets)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, MaxBuckets);
        var length = Encoding.UTF8.GetByteCount(key);
        var bytes = length <= MaxStackBytes ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(key, bytes);
        var hash = OffsetBasis;
        foreach (var value in bytes)
        {
            hash = unchecked((hash ^ value) * Prime);
        }

        return (int)(hash % (uint)buckets);
    }

    /// <summary>The partition <c>{prefix}~{bucket:D2}</c> of <paramref name="key"/> within <paramref name="prefix"/>.</summary>
    /// <param name="prefix">A valid key (e.g. from <see cref="TableKeyText.Escape"/>).</param>
    /// <param name="key">What the bucket is chosen by, usually the row key.</param>
    /// <param name="buckets">How many partitions the prefix is spread over (1 to <see cref="MaxBuckets"/>); never change it for existing rows.</param>
    public static string Partition(string prefix, string key, int buckets)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{Separator}{Of(key, buckets):D2}");
    }

    /// <summary>The partition keys from (inclusive) and to (exclusive) that hold every bucket of <paramref name="prefix"/>.</summary>
    public static (string From, string To) Range(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return ($"{prefix}{Separator}", $"{prefix}{Separator}{Separator}");
    }
}
