using CowansSync.Functions.Storage.Tables;

namespace CowansSync.Functions.Tests.Storage.Tables;

/// <summary><see cref="TableClient.CreateQueryFilter"/>: each interpolated value becomes an escaped OData literal.</summary>
public sealed class TableClientQueryFilterTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData("x' or PartitionKey ne '", "'x'' or PartitionKey ne '''")]
    [InlineData("", "''")]
    public void CreateQueryFilter_String_QuotesAndDoublesQuotes(string value, string literal)
    {
        var sut = TableClient.CreateQueryFilter($"Name eq {value}");

        Assert.Equal($"Name eq {literal}", sut);
    }

    [Fact]
    public void CreateQueryFilter_Bool_LowercaseKeyword() =>
        Assert.Equal("A eq true and B eq false", TableClient.CreateQueryFilter($"A eq {true} and B eq {false}"));

    [Fact]
    public void CreateQueryFilter_Int_PlainNumber() =>
        Assert.Equal("Qty eq -123", TableClient.CreateQueryFilter($"Qty eq {-123}"));

    [Fact]
    public void CreateQueryFilter_Long_SuffixL() =>
        Assert.Equal("Qty eq 9007199254740993L", TableClient.CreateQueryFilter($"Qty eq {(1L << 53) + 1}"));

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(0.1, "0.1")]
    [InlineData(-1.5e-300, "-1.5E-300")]
    public void CreateQueryFilter_Double_InvariantRoundTrip(double value, string literal) =>
        Assert.Equal($"Price eq {literal}", TableClient.CreateQueryFilter($"Price eq {value}"));

    [Fact]
    public void CreateQueryFilter_DateTimeOffset_UtcWithSevenDigits()
    {
        var value = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        var sut = TableClient.CreateQueryFilter($"Timestamp ge {value}");

        Assert.Equal("Timestamp ge datetime'2024-02-29T21:59:59.1234567Z'", sut);
    }

    [Fact]
    public void CreateQueryFilter_Guid_GuidLiteral() =>
        Assert.Equal(
            "Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e'",
            TableClient.CreateQueryFilter($"Id eq {Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")}"));

    [Fact]
    public void CreateQueryFilter_Binary_HexLiteral()
    {
        var sut = TableClient.CreateQueryFilter($"A eq {new byte[] { 0x0a, 0xff }} and B eq {BinaryData.FromBytes([0x00, 0x10])}");

        Assert.Equal("A eq X'0aff' and B eq X'0010'", sut);
    }

    [Fact]
    public void CreateQueryFilter_Null_NullKeyword() =>
        Assert.Equal("Name eq null", TableClient.CreateQueryFilter($"Name eq {null}"));

    [Fact]
    public void CreateQueryFilter_SeveralValues_EachEscapedInPlace() =>
        Assert.Equal(
            "PartitionKey eq 'a''b' and Qty gt 5L and Active eq true",
            TableClient.CreateQueryFilter($"PartitionKey eq {"a'b"} and Qty gt {5L} and Active eq {true}"));

    [Fact]
    public void CreateQueryFilter_UnsupportedType_ThrowsArgumentExceptionNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => TableClient.CreateQueryFilter($"When eq {DateTime.MinValue}"));

        Assert.Contains("DateTime", error.Message, StringComparison.Ordinal);
    }
}
