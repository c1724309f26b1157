using System.Runtime.CompilerServices;
using CowansSync.Functions.Storage.Tables;

namespace CowansSync.Functions.Tests.Storage.Tables;

/// <summary>Queries against a real Azurite: paging, <c>$select</c> and filters built by <see cref="TableClient.CreateQueryFilter"/>.</summary>
public sealed class TableClientQueryTests
{
    [Fact]
    public async Task QueryAsync_MaxPerPage_ReturnsPagesOfThatSize()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await AzuriteTables.InsertAsync(sut, "p", 25);

        // Act
        var pages = await sut.QueryAsync(maxPerPage: 10).AsPages().ToListAsync();

        // Assert
        Assert.Equal([10, 10, 5], pages.Select(p => p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public async Task QueryAsync_MoreThan1000Entities_ReadsEveryEntityOnceAcrossPages()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        foreach (var partition in new[] { "a", "b", "c", "d", "e" })
        {
            await AzuriteTables.InsertAsync(sut, partition, 500);
        }

        // Act
        var pages = await sut.QueryAsync().AsPages().ToListAsync();

        // Assert
        var entities = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(2_500, entities.Count);
        Assert.Equal(2_500, entities.Select(e => (e.PartitionKey, e.RowKey)).Distinct().Count());
        Assert.True(pages.Count >= 3, $"2,500 entities need at least 3 pages of 1,000; got {pages.Count}.");
    }

    [Fact]
    public async Task QueryAsync_ContinuationTokenFromAPage_ResumesAfterIt()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await AzuriteTables.InsertAsync(sut, "p", 5);
        var first = await sut.QueryAsync(maxPerPage: 2).AsPages().FirstAsync();

        // Act
        var rest = await sut.QueryAsync(maxPerPage: 2).AsPages(first.ContinuationToken).SelectMany(p => p.Values.ToAsyncEnumerable()).ToListAsync();

        // Assert
        Assert.Equal(["000002", "000003", "000004"], rest.Select(e => e.RowKey));
    }

    [Fact]
    public async Task QueryAsync_Select_ReturnsOnlyNamedProperties()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2L, ["C"] = "c" });

        // Act
        var entity = await sut.QueryAsync(select: ["RowKey", "B"]).SingleAsync();

        // Assert
        Assert.Equal("r", entity.RowKey);
        Assert.Equal(["B"], entity.Keys);
        Assert.Equal(2L, entity.GetInt64("B"));
    }

    [Fact]
    public async Task QueryAsync_FilterValueWithQuotes_MatchesExactlyThatEntity()
    {
        // Arrange
        var sut = await SeedNamesAsync("O'Brien", "O", "Brien", "OBrien", "O''Brien");

        // Act
        var matches = await sut.QueryAsync(TableClient.CreateQueryFilter($"Name eq {"O'Brien"}")).ToListAsync();

        // Assert
        Assert.Equal("O'Brien", Assert.Single(matches).GetString("Name"));
    }

    [Fact]
    public async Task QueryAsync_InjectionAttemptInFilterValue_MatchesNothing()
    {
        // Arrange
        var sut = await SeedNamesAsync("alpha", "beta");
        const string injection = "x' or PartitionKey ne '";

        // Act
        var escaped = await sut.QueryAsync(TableClient.CreateQueryFilter($"Name eq {injection}")).ToListAsync();
        var concatenated = await sut.QueryAsync("Name eq '" + injection + "'").ToListAsync();

        // Assert
        Assert.Empty(escaped);
        Assert.Equal(2, concatenated.Count); // what the builder prevents
    }

    public static TheoryData<string, object> TypedValues => new()
    {
        { "Long", (1L << 53) + 1 },
        { "Int", 42 },
        { "Double", 2.5 },
        { "Flag", true },
        { "When", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234) },
        { "Id", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "Bytes", new byte[] { 0x0a, 0xff, 0x00 } },
    };

    [Theory]
    [MemberData(nameof(TypedValues))]
    public async Task QueryAsync_TypedLiteral_MatchesTheEntityWithThatValue(string property, object value)
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "match") { [property] = value });
        await sut.AddEntityAsync(new TableEntity("p", "other") { [property] = Other(value) });

        // Act
        var filter = TableClient.CreateQueryFilter(FormattableStringFactory.Create(property + " eq {0}", value));
        var matches = await sut.QueryAsync(filter).ToListAsync();

        // Assert
        Assert.Equal("match", Assert.Single(matches).RowKey);
    }

    private static object Other(object value) => value switch
    {
        long number => number - 1,
        int number => number + 1,
        double number => number + 1,
        bool flag => !flag,
        // Azurite compares datetime filters through JS Date, at millisecond precision (Azure: 100 ns).
        DateTimeOffset date => date.AddMilliseconds(1),
        Guid => Guid.NewGuid(),
        byte[] bytes => bytes.Append((byte)1).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static async Task<TableClient> SeedNamesAsync(params string[] names)
    {
        var sut = await AzuriteTables.CreateTableAsync();
        for (var i = 0; i < names.Length; i++)
        {
            await sut.AddEntityAsync(new TableEntity("p", $"{i}") { ["Name"] = names[i] });
        }

        return sut;
    }
}
