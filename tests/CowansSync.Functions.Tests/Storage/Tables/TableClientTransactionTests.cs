using Azure;
using Azure.Core.Pipeline;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Storage.Tables;

namespace CowansSync.Functions.Tests.Storage.Tables;

/// <summary>Entity group transactions against a real Azurite, and the checks made before anything is sent.</summary>
public sealed class TableClientTransactionTests
{
    [Fact]
    public async Task SubmitTransactionAsync_EveryActionType_AppliesAllAndSetsETags()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        foreach (var rowKey in new[] { "merge", "replace", "delete", "upsert-merge", "upsert-replace" })
        {
            await sut.AddEntityAsync(new TableEntity("p", rowKey) { ["Old"] = "old", ["Value"] = 0 });
        }

        var added = new TableEntity("p", "add") { ["Value"] = 1 };
        var merged = new TableEntity("p", "merge") { ["Value"] = 2 };
        var replaced = new TableEntity("p", "replace") { ["Value"] = 3 };
        var upsertMerged = new TableEntity("p", "upsert-merge") { ["Value"] = 4 };
        var upsertReplaced = new TableEntity("p", "upsert-replace") { ["Value"] = 5 };
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, added),
            new(TableTransactionActionType.UpdateMerge, merged),
            new(TableTransactionActionType.UpdateReplace, replaced, ETag.All),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
            new(TableTransactionActionType.UpsertMerge, upsertMerged),
            new(TableTransactionActionType.UpsertReplace, upsertReplaced),
        ];

        // Act
        var response = await sut.SubmitTransactionAsync(actions);

        // Assert
        Assert.Equal(202, response.GetRawResponse().Status);
        Assert.Equal(6, response.Value.Count);
        Assert.All(response.Value, part => Assert.Equal(204, part.Status));
        var stored = (await sut.QueryAsync().ToListAsync()).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "merge", "replace", "upsert-merge", "upsert-replace"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("old", stored["merge"].GetString("Old"));
        Assert.False(stored["replace"].ContainsKey("Old"));
        Assert.Equal("old", stored["upsert-merge"].GetString("Old"));
        Assert.False(stored["upsert-replace"].ContainsKey("Old"));
        foreach (var entity in new[] { added, merged, replaced, upsertMerged, upsertReplaced })
        {
            Assert.Equal(stored[entity.RowKey].ETag, entity.ETag);
        }
    }

    [Fact]
    public async Task SubmitTransactionAsync_LastActionFails_WritesNothingAndNamesTheAction()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        await sut.AddEntityAsync(new TableEntity("p", "existing"));
        var actions = Enumerable.Range(0, 99)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"new-{i:D2}")))
            .Append(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "existing")))
            .ToList();

        // Act
        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => sut.SubmitTransactionAsync(actions));

        // Assert
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(99, error.FailedTransactionActionIndex);
        Assert.Same(actions[99], error.FailedTransactionAction);
        Assert.Contains("Transaction action 99 (Add PartitionKey='p', RowKey='existing')", error.Message, StringComparison.Ordinal);
        Assert.Equal(["existing"], (await sut.QueryAsync().ToListAsync()).Select(e => e.RowKey));
    }

    [Fact]
    public async Task SubmitTransactionAsync_StaleETagInTheMiddle_FailsWith412AndKeepsEarlierActionsUnapplied()
    {
        // Arrange
        var sut = await AzuriteTables.CreateTableAsync();
        var entity = new TableEntity("p", "r") { ["Value"] = 1 };
        await sut.AddEntityAsync(entity);
        var staleETag = entity.ETag;
        await sut.UpsertEntityAsync(entity);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r") { ["Value"] = 2 }, staleETag),
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
        ];

        // Act
        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => sut.SubmitTransactionAsync(actions));

        // Assert
        Assert.Equal(412, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.False((await sut.GetEntityIfExistsAsync("p", "a")).HasValue);
        Assert.Equal(1, (await sut.GetEntityAsync("p", "r")).Value.GetInt32("Value"));
    }

    public static TheoryData<string, TableTransactionAction[]> InvalidTransactions => new()
    {
        { "1 to 100", [] },
        { "1 to 100", Adds(101, _ => "p") },
        { "one partition", Adds(2, i => $"p{i}") },
        { "RowKey 'same' appears twice", [Add("p", "same"), Add("p", "same")] },
        { "RowKey 'a/b'", [Add("p", "a/b")] },
    };

    [Theory]
    [MemberData(nameof(InvalidTransactions))]
    public async Task SubmitTransactionAsync_InvalidBatch_ThrowsArgumentExceptionBeforeAnyRequest(string named, TableTransactionAction[] actions)
    {
        // Arrange
        using var handler = new CountingHandler();
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var sut = new TableClient(StorageAccount.Parse("UseDevelopmentStorage=true"), "t", options);

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => sut.SubmitTransactionAsync(actions));

        // Assert
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Requests);
    }

    private static TableTransactionAction Add(string partitionKey, string rowKey) =>
        new(TableTransactionActionType.Add, new TableEntity(partitionKey, rowKey));

    private static TableTransactionAction[] Adds(int count, Func<int, string> partitionKey) =>
        Enumerable.Range(0, count).Select(i => Add(partitionKey(i), $"{i}")).ToArray();

    /// <summary>Counts what reaches the wire; answers 500 so a request that should not exist cannot pass.</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError));
        }
    }
}
