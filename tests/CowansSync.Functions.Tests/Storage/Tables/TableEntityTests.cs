using CowansSync.Functions.Storage.Tables;

namespace CowansSync.Functions.Tests.Storage.Tables;

/// <summary>The entity's dictionary rules and typed getters, without a service.</summary>
public sealed class TableEntityTests
{
    [Fact]
    public void TypedGetters_MatchingTypes_ReturnValues()
    {
        var when = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var sut = new TableEntity("p", "r")
        {
            ["S"] = "s", ["B"] = true, ["I"] = 1, ["L"] = 2L, ["D"] = 3.0, ["T"] = when, ["G"] = id,
            ["Bytes"] = new byte[] { 1 }, ["Data"] = BinaryData.FromBytes([2]),
        };

        Assert.Equal("s", sut.GetString("S"));
        Assert.True(sut.GetBoolean("B"));
        Assert.Equal(1, sut.GetInt32("I"));
        Assert.Equal(2L, sut.GetInt64("L"));
        Assert.Equal(3.0, sut.GetDouble("D"));
        Assert.Equal(when, sut.GetDateTimeOffset("T"));
        Assert.Equal(id, sut.GetGuid("G"));
        Assert.Equal([1], sut.GetBinary("Bytes"));
        Assert.Equal([2], sut.GetBinary("Data"));
    }

    [Fact]
    public void TypedGetters_Absent_ReturnNull()
    {
        var sut = new TableEntity("p", "r");

        Assert.Null(sut.GetString("X"));
        Assert.Null(sut.GetInt64("X"));
        Assert.Null(sut.GetBinary("X"));
        Assert.Null(sut["X"]);
    }

    [Fact]
    public void GetInt64_Int32Value_ThrowsNamingTheProperty()
    {
        var sut = new TableEntity("p", "r") { ["Qty"] = 5 };

        var error = Assert.Throws<InvalidOperationException>(() => sut.GetInt64("Qty"));

        Assert.Contains("'Qty'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_NamesDifferingInCase_AreDistinctProperties()
    {
        var sut = new TableEntity { ["name"] = "lower", ["Name"] = "upper" };

        Assert.Equal(2, sut.Count);
        Assert.Equal("lower", sut.GetString("name"));
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("RowKey")]
    [InlineData("Timestamp")]
    [InlineData("odata.etag")]
    public void Indexer_SystemPropertyName_ThrowsArgumentException(string name)
    {
        var sut = new TableEntity();

        var error = Assert.Throws<ArgumentException>(() => sut[name] = "x");

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_UnsupportedType_ThrowsArgumentExceptionNamingProperty()
    {
        var sut = new TableEntity();

        var error = Assert.Throws<ArgumentException>(() => sut.Add("When", DateTime.MinValue));

        Assert.Contains("'When'", error.Message, StringComparison.Ordinal);
        Assert.Contains("DateTime", error.Message, StringComparison.Ordinal);
    }
}
