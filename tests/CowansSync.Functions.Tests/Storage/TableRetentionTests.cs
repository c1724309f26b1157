using Azure.Data.Tables;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Tests.Storage;

/// <summary>Rows purged by age against a real Azurite, whose clock stamps them.</summary>
public sealed class TableRetentionTests
{
    [Fact]
    public async Task DeleteOlderThanAsync_CutOffBeforeAndAfterTheRowsWereWritten_KeepsThenDeletesThemAndARepeatFindsNone()
    {
        // Arrange: 250 rows over 3 partitions, so a page spans several transactions.
        var table = await AzuriteStorage.CreateTableAsync();
        foreach (var row in Enumerable.Range(0, 250))
        {
            await table.AddEntityAsync(new TableEntity($"p{row % 3}", $"r{row:D3}"));
        }

        var now = TimeProvider.System.GetUtcNow();

        // Act
        var beforeTheRows = await TableRetention.DeleteOlderThanAsync(table, now.AddHours(-1), CancellationToken.None);
        var kept = await table.QueryAsync<TableEntity>().CountAsync();
        var afterTheRows = await TableRetention.DeleteOlderThanAsync(table, now.AddMinutes(1), CancellationToken.None);
        var repeat = await TableRetention.DeleteOlderThanAsync(table, now.AddMinutes(1), CancellationToken.None);

        // Assert
        Assert.Equal((0, 250), (beforeTheRows, kept));
        Assert.Equal((250, 0), (afterTheRows, repeat));
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }
}
