using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Tests.Storage;

/// <summary>Stable buckets of keys: FNV-1a test vectors, an even spread, partitions that a range query selects.</summary>
public sealed class TableBucketsTests
{
    private static readonly string[] s_neighbours = ["run-1", "run-10~00", "run-1z", "run-2~00"];

    [Theory]
    [InlineData("", 5)] // FNV-1a 32 of "" is 0x811C9DC5.
    [InlineData("a", 12)] // 0xE40C292C
    [InlineData("foobar", 8)] // 0xBF9CF968
    public void Of_FnvTestVectors_GiveFixedBuckets(string key, int expected)
    {
        // Act
        var bucket = TableBuckets.Of(key, 32);

        // Assert
        Assert.Equal(expected, bucket);
    }

    [Fact]
    public void Partition_FixedKey_IsPrefixTildeTwoDigits()
    {
        // Act
        var partition = TableBuckets.Partition("snap", "a", 32);

        // Assert
        Assert.Equal("snap~12", partition);
        Assert.Equal("snap~00", TableBuckets.Partition("snap", "a", 1));
    }

    [Fact]
    public void Of_10000Keys_SpreadRoughlyEvenlyOver32()
    {
        // Act
        var counts = Enumerable.Range(0, 10_000).Select(i => TableBuckets.Of($"sku:SKU-{i:D5}", 32)).CountBy(bucket => bucket).ToDictionary();

        // Assert: 312.5 each on average; within 20 %.
        Assert.Equal(32, counts.Count);
        Assert.All(counts.Values, count => Assert.InRange(count, 250, 375));
    }

    [Fact]
    public void Range_EveryBucketOfThePrefix_IsInsideAndNeighboursAreOutside()
    {
        // Act
        var (from, to) = TableBuckets.Range("run-1");

        // Assert
        Assert.All(Enumerable.Range(0, 32).Select(i => TableBuckets.Partition("run-1", $"k{i}", 32)), partition =>
        {
            Assert.True(string.CompareOrdinal(partition, from) >= 0 && string.CompareOrdinal(partition, to) < 0, partition);
        });
        Assert.All(s_neighbours, other =>
            Assert.False(string.CompareOrdinal(other, from) >= 0 && string.CompareOrdinal(other, to) < 0, other));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Of_BucketsOutOfRange_ThrowsArgumentOutOfRange(int buckets)
    {
        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TableBuckets.Of("a", buckets));

        // Assert
        Assert.Equal("buckets", error.ParamName);
    }
}
