using Azure.Data.Tables;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Tests.Storage;

/// <summary>Upserts batched per partition against a real Azurite.</summary>
public sealed class TableUpsertBatcherTests
{
    [Fact]
    public async Task CompleteAsync_RowsInterleavedOverSeveralPartitions_AllLand()
    {
        // Arrange: 5 partitions of 250 rows each, in turn, so each partition needs 3 transactions.
        var table = await AzuriteStorage.CreateTableAsync();
        var expected = Enumerable.Range(0, 250).SelectMany(row => Enumerable.Range(0, 5).Select(partition => $"p{partition}/{row:D4}")).ToList();
        var sut = new TableUpsertBatcher(table, 2);

        // Act
        await using (sut)
        {
            foreach (var key in expected)
            {
                var parts = key.Split('/');
                await sut.AddAsync(new TableEntity(parts[0], parts[1]) { ["Key"] = key }, 0, CancellationToken.None);
            }

            await sut.CompleteAsync(CancellationToken.None);
        }

        // Assert
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), stored.Select(row => $"{row.PartitionKey}/{row.RowKey}").Order(StringComparer.Ordinal));
        Assert.All(stored, row => Assert.Equal($"{row.PartitionKey}/{row.RowKey}", row.GetString("Key")));
        Assert.Equal(expected.Count, sut.Written);
    }

    [Fact]
    public async Task CompleteAsync_DuplicateRowKeyWithinAPartition_KeepsTheLater()
    {
        // Arrange
        var table = await AzuriteStorage.CreateTableAsync();
        var sut = new TableUpsertBatcher(table, 4);

        // Act
        await using (sut)
        {
            await sut.AddAsync(new TableEntity("a", "r") { ["Value"] = 1 }, 0, CancellationToken.None);
            await sut.AddAsync(new TableEntity("b", "r") { ["Value"] = 9 }, 0, CancellationToken.None);
            await sut.AddAsync(new TableEntity("a", "r") { ["Value"] = 2 }, 0, CancellationToken.None);
            await sut.CompleteAsync(CancellationToken.None);
        }

        // Assert
        var stored = (await table.QueryAsync<TableEntity>().ToListAsync()).ToDictionary(row => row.PartitionKey, row => row.GetInt32("Value"));
        Assert.Equal(new Dictionary<string, int?> { ["a"] = 2, ["b"] = 9 }, stored);
        Assert.Equal(2, sut.Written);
    }

    [Fact]
    public async Task CompleteAsync_350RowsInOnePartition_AllLand()
    {
        // Arrange
        var table = await AzuriteStorage.CreateTableAsync();
        var sut = new TableUpsertBatcher(table, 1);

        // Act
        await using (sut)
        {
            for (var i = 0; i < 350; i++)
            {
                await sut.AddAsync(new TableEntity("p", $"{i:D4}"), 0, CancellationToken.None);
            }

            await sut.CompleteAsync(CancellationToken.None);
        }

        // Assert
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(Enumerable.Range(0, 350).Select(i => $"{i:D4}"), stored.Select(row => row.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(350, sut.Written);
    }
}
