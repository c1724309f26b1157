using CowansSync.Functions.Storage.Tables;

namespace CowansSync.Functions.Tests.Storage.Tables;

/// <summary>Every EDM type written by the client reads back from Azurite as the same CLR type and value.</summary>
public sealed class TableEntityRoundTripTests
{
    private static readonly DateTimeOffset WithTicks = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    [Fact]
    public async Task GetEntityAsync_EveryType_RoundTripsExactly()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        var written = AllTypes("p", "r");

        // Act
        await sut.AddEntityAsync(written);
        var read = (await sut.GetEntityAsync("p", "r")).Value;

        // Assert
        AssertSameProperties(written, read);
        Assert.NotNull(read.Timestamp);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task QueryAsync_EveryTypeWrittenByTransaction_RoundTripsExactly()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        var written = new[] { AllTypes("p", "1"), AllTypes("p", "2") };

        // Act
        await sut.SubmitTransactionAsync(written.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        var read = await sut.QueryAsync().ToListAsync();

        // Assert
        Assert.Equal(2, read.Count);
        AssertSameProperties(written[0], read[0]);
        AssertSameProperties(written[1], read[1]);
    }

    [Fact]
    public async Task GetEntityAsync_WholeDouble_StaysDoubleAndIntStaysInt()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "r") { ["Double"] = 3.0, ["Int"] = 3 });

        // Act
        var read = (await sut.GetEntityAsync("p", "r")).Value;

        // Assert
        Assert.IsType<double>(read["Double"]);
        Assert.Equal(3.0, read.GetDouble("Double"));
        Assert.IsType<int>(read["Int"]);
    }

    [Fact]
    public async Task UpsertEntityAsync_NullValue_MergeKeepsStoredValue()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "kept" });

        // Act
        await sut.UpsertEntityAsync(new TableEntity("p", "r") { ["Name"] = null, ["Other"] = 1 });

        // Assert
        Assert.Equal("kept", (await sut.GetEntityAsync("p", "r")).Value.GetString("Name"));
    }

    private static TableEntity AllTypes(string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["String"] = "O'Brien \"quoted\" \\ / \n\t line\u2028sep 東京 🙂 {json}",
        ["EmptyString"] = string.Empty,
        ["True"] = true,
        ["False"] = false,
        ["IntMin"] = int.MinValue,
        ["IntMax"] = int.MaxValue,
        ["LongPast2To53"] = (1L << 53) + 1,
        ["LongMax"] = long.MaxValue,
        ["LongMin"] = long.MinValue,
        ["DoubleWhole"] = 3.0,
        ["DoubleFraction"] = 0.1,
        ["DoubleHuge"] = 1.7976931348623157e308,
        ["DoubleTiny"] = double.Epsilon,
        ["DoubleNaN"] = double.NaN,
        ["DoublePositiveInfinity"] = double.PositiveInfinity,
        ["DoubleNegativeInfinity"] = double.NegativeInfinity,
        ["DateWithTicks"] = WithTicks,
        ["DateWholeSecond"] = new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero),
        ["Guid"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        ["Bytes"] = new byte[] { 0, 1, 2, 127, 128, 254, 255 },
        ["BinaryData"] = BinaryData.FromBytes([9, 8, 7]),
    };

    private static void AssertSameProperties(TableEntity expected, TableEntity actual)
    {
        Assert.Equal(expected.PartitionKey, actual.PartitionKey);
        Assert.Equal(expected.RowKey, actual.RowKey);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in expected)
        {
            switch (value)
            {
                case byte[] or BinaryData:
                    Assert.Equal(expected.GetBinary(name), Assert.IsType<byte[]>(actual[name]));
                    break;
                case DateTimeOffset date:
                    var read = Assert.IsType<DateTimeOffset>(actual[name]);
                    Assert.Equal(date.UtcTicks, read.UtcTicks);
                    Assert.Equal(TimeSpan.Zero, read.Offset);
                    break;
                default:
                    Assert.Equal(value!.GetType(), actual[name]?.GetType());
                    Assert.Equal(value, actual[name]);
                    break;
            }
        }
    }
}
