using Azure;
using CowansSync.Functions.Storage.Tables;

namespace CowansSync.Functions.Tests.Storage.Tables;

/// <summary>The table and single-entity operations against a real Azurite.</summary>
public sealed class TableClientTests
{
    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_SecondReports409WithoutThrowing()
    {
        // Arrange
        var sut = await AzuriteTables.ClientAsync();

        // Act
        var first = await sut.CreateIfNotExistsAsync();
        var second = await sut.CreateIfNotExistsAsync();

        // Assert
        Assert.Equal(204, first.Status);
        Assert.Equal(409, second.Status);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_DeletesThenTolerates404()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();

        // Act
        var deleted = await sut.DeleteAsync();
        var missing = await sut.DeleteAsync();

        // Assert
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, missing.Status);
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.GetEntityIfExistsAsync("p", "r"));
        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task AddEntityAsync_Twice_Throws409EntityAlreadyExists()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        var entity = new TableEntity("p", "r") { ["Name"] = "first" };

        // Act
        var added = await sut.AddEntityAsync(entity);
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.AddEntityAsync(new TableEntity("p", "r")));

        // Assert
        Assert.Equal(204, added.Status);
        Assert.Equal(added.Headers.ETag, entity.ETag);
        Assert.NotEqual(default, entity.ETag);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task UpsertEntityAsync_MergeThenReplace_MergeKeepsAndReplaceDropsUnmentionedProperties()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "r") { ["Kept"] = "original", ["Changed"] = 1 });

        // Act
        await sut.UpsertEntityAsync(new TableEntity("p", "r") { ["Changed"] = 2 }, TableUpdateMode.Merge);
        var merged = (await sut.GetEntityAsync("p", "r")).Value;
        await sut.UpsertEntityAsync(new TableEntity("p", "r") { ["Changed"] = 3 }, TableUpdateMode.Replace);
        var replaced = (await sut.GetEntityAsync("p", "r")).Value;

        // Assert
        Assert.Equal("original", merged.GetString("Kept"));
        Assert.Equal(2, merged.GetInt32("Changed"));
        Assert.False(replaced.ContainsKey("Kept"));
        Assert.Equal(3, replaced.GetInt32("Changed"));
    }

    [Fact]
    public async Task UpsertEntityAsync_Missing_Inserts()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();

        // Act
        await sut.UpsertEntityAsync(new TableEntity("p", "r") { ["Name"] = "new" });

        // Assert
        Assert.Equal("new", (await sut.GetEntityAsync("p", "r")).Value.GetString("Name"));
    }

    [Fact]
    public async Task UpdateEntityAsync_CurrentETag_UpdatesAndAdvancesETag()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "r") { ["Qty"] = 1 });
        var read = (await sut.GetEntityAsync("p", "r")).Value;
        var readETag = read.ETag;
        read["Qty"] = 2;

        // Act
        await sut.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace);

        // Assert
        Assert.NotEqual(readETag, read.ETag);
        var stored = (await sut.GetEntityAsync("p", "r")).Value;
        Assert.Equal(2, stored.GetInt32("Qty"));
        Assert.Equal(stored.ETag, read.ETag);
    }

    [Fact]
    public async Task UpdateEntityAsync_StaleETag_Throws412()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        var entity = new TableEntity("p", "r") { ["Qty"] = 1 };
        await sut.AddEntityAsync(entity);
        var staleETag = entity.ETag;
        await sut.UpdateEntityAsync(new TableEntity("p", "r") { ["Qty"] = 2 }, ETag.All);

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => sut.UpdateEntityAsync(new TableEntity("p", "r") { ["Qty"] = 3 }, staleETag));

        // Assert
        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        Assert.Equal(2, (await sut.GetEntityAsync("p", "r")).Value.GetInt32("Qty"));
    }

    [Fact]
    public async Task UpdateEntityAsync_DefaultETag_ThrowsArgumentException()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => sut.UpdateEntityAsync(new TableEntity("p", "r"), default));

        // Assert
        Assert.Equal("ifMatch", error.ParamName);
    }

    [Fact]
    public async Task GetEntityIfExistsAsync_ExistingAndMissing_ValueOrNoValue()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "here" });

        // Act
        var existing = await sut.GetEntityIfExistsAsync("p", "r");
        var missing = await sut.GetEntityIfExistsAsync("p", "nope");

        // Assert
        Assert.True(existing.HasValue);
        Assert.Equal("here", existing.Value!.GetString("Name"));
        Assert.False(missing.HasValue);
        Assert.Null(missing.Value);
        Assert.Equal(404, missing.GetRawResponse().Status);
    }

    [Fact]
    public async Task GetEntityAsync_Missing_Throws404ResourceNotFound()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.GetEntityAsync("p", "missing"));

        // Assert
        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task GetEntityAsync_Select_ReturnsOnlyNamedProperties()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b", ["C"] = "c" });

        // Act
        var entity = (await sut.GetEntityAsync("p", "r", select: ["A", "C"])).Value;

        // Assert
        Assert.Equal(["A", "C"], entity.Keys.Order());
    }

    [Fact]
    public async Task DeleteEntityAsync_ExistingThenMissing_DeletesThenReturns404WithoutThrowing()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "r"));

        // Act
        var deleted = await sut.DeleteEntityAsync("p", "r");
        var missing = await sut.DeleteEntityAsync("p", "r");

        // Assert
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, missing.Status);
        Assert.False((await sut.GetEntityIfExistsAsync("p", "r")).HasValue);
    }

    [Fact]
    public async Task DeleteEntityAsync_StaleETag_Throws412AndKeepsEntity()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        var entity = new TableEntity("p", "r");
        await sut.AddEntityAsync(entity);
        var staleETag = entity.ETag;
        await sut.UpsertEntityAsync(entity);

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.DeleteEntityAsync("p", "r", staleETag));

        // Assert
        Assert.Equal(412, error.Status);
        Assert.True((await sut.GetEntityIfExistsAsync("p", "r")).HasValue);
    }

    [Theory]
    [InlineData("O'Brien", "it's")]
    [InlineData("a b+c&d=e%f", "(x),[y];{z}")]
    [InlineData("Köln-東京", "emoji-🙂")]
    [InlineData("", "")]
    public async Task AddEntityAsync_UnusualKeys_RoundTripThroughUrlAndBody(string partitionKey, string rowKey)
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();

        // Act
        await sut.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["Name"] = "x" });
        var read = (await sut.GetEntityAsync(partitionKey, rowKey)).Value;
        var deleted = await sut.DeleteEntityAsync(partitionKey, rowKey);

        // Assert
        Assert.Equal(partitionKey, read.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);
        Assert.Equal(204, deleted.Status);
    }

    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a#b", "'#'")]
    [InlineData("a?b", "'?'")]
    [InlineData("a\tb", "U+0009")]
    [InlineData("a\u007fb", "U+007F")]
    public async Task AddEntityAsync_ForbiddenKeyCharacter_ThrowsArgumentExceptionNamingKey(string rowKey, string named)
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => sut.AddEntityAsync(new TableEntity("p", rowKey)));

        // Assert
        Assert.Equal("RowKey", error.ParamName);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
