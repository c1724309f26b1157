using Azure.Data.Tables;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Tests.Storage;

/// <summary>Actions split into transactions the Table service accepts, and a split sent to a real Azurite.</summary>
public sealed class TableTransactionsTests
{
    [Fact]
    public void Split_250ActionsOverTwoPartitions_GivesTransactionsOfOnePartitionAndAtMost100InOrder()
    {
        // Arrange
        var actions = Enumerable.Range(0, 250).Select(i => Add($"p{i % 2}", $"{i:D3}", 0)).ToList();

        // Act
        var transactions = TableTransactions.Split(actions).ToList();

        // Assert: 125 a partition, so 100 + 25 each.
        Assert.Equal([100, 25, 100, 25], transactions.Select(t => t.Count));
        Assert.All(transactions, t => Assert.Single(t.Select(a => a.Entity.PartitionKey).Distinct()));
        Assert.Equal(actions.Where(a => a.Entity.PartitionKey == "p0").Select(a => a.Entity.RowKey), transactions[0].Concat(transactions[1]).Select(a => a.Entity.RowKey));
    }

    [Fact]
    public void Split_RowsOfHalfAMebibyteOfBinary_KeepsEachTransactionUnderTheSizeLimit()
    {
        // Arrange: base64 makes each row about 700 KB on the wire; four fit in 3 MiB, five would not.
        var actions = Enumerable.Range(0, 10).Select(i => Add("p", $"{i:D2}", 512 * 1024)).ToList();

        // Act
        var transactions = TableTransactions.Split(actions).ToList();

        // Assert
        Assert.Equal([4, 4, 2], transactions.Select(t => t.Count));
    }

    [Fact]
    public async Task Split_LargeRowsSentAsTransactions_AllLand()
    {
        // Arrange: 12 rows of 15 × 64 KiB parts, the most a row holds, in one partition.
        var table = await AzuriteStorage.CreateTableAsync();
        var actions = Enumerable.Range(0, 12).Select(i => Add("p", $"{i:D2}", CompressedJsonParts.MaxParts * CompressedJsonParts.MaxPartBytes)).ToList();

        // Act
        foreach (var transaction in TableTransactions.Split(actions))
        {
            await table.SubmitTransactionAsync(transaction);
        }

        // Assert
        Assert.Equal(12, await table.QueryAsync<TableEntity>(select: ["RowKey"]).CountAsync());
    }

    private static TableTransactionAction Add(string partition, string row, int binaryBytes)
    {
        var entity = new TableEntity(partition, row);
        for (var part = 0; part * CompressedJsonParts.MaxPartBytes < binaryBytes; part++)
        {
            entity[$"Data{part}"] = new byte[Math.Min(CompressedJsonParts.MaxPartBytes, binaryBytes - (part * CompressedJsonParts.MaxPartBytes))];
        }

        return new TableTransactionAction(TableTransactionActionType.Add, entity);
    }
}
