using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Storage;

/// <summary>
/// The storage behaviour the app's writes rely on (insert-if-absent, ETag-conditional updates, all-or-nothing
/// transactions, paging, escaped filters, single lease holders, base64 queue messages), through the clients the app
/// composes, against a real Azurite.
/// </summary>
public sealed class StorageClientsTests
{
    [Fact]
    public async Task AddEntityAsync_Twice_SecondFails409EntityAlreadyExists()
    {
        // Arrange
        var table = await AzuriteStorage.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 1 });

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 2 }));

        // Assert: the first write stands.
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(1, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("Value"));
    }

    [Fact]
    public async Task UpdateEntityAsync_StaleETag_Fails412AndKeepsTheNewerWrite()
    {
        // Arrange: two readers of one version; the first writes.
        var table = await AzuriteStorage.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 1 });
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        var written = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Value"] = 2 }, read.ETag, TableUpdateMode.Replace);

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.UpdateEntityAsync(new TableEntity("p", "r") { ["Value"] = 3 }, read.ETag, TableUpdateMode.Replace));

        // Assert
        Assert.Equal(412, error.Status);
        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Equal(2, stored.GetInt32("Value"));
        Assert.Equal(written.Headers.ETag, stored.ETag);
    }

    [Fact]
    public async Task SubmitTransactionAsync_LastActionFails_WritesNothingAndNamesTheAction()
    {
        // Arrange: the third action inserts a row that exists.
        var table = await AzuriteStorage.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken"));
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b")),
            new(TableTransactionActionType.Add, new TableEntity("p", "taken")),
        ];

        // Act
        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        // Assert
        Assert.Equal(2, error.FailedTransactionActionIndex);
        Assert.Equal(["taken"], await table.QueryAsync<TableEntity>().Select(row => row.RowKey).ToListAsync());
    }

    [Fact]
    public async Task QueryAsync_MoreThan1000Entities_ReadsEveryEntityOnceAcrossPages()
    {
        // Arrange
        var table = await AzuriteStorage.CreateTableAsync();
        foreach (var chunk in Enumerable.Range(0, 2_500).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D5}"))));
        }

        // Act
        var pages = await table.QueryAsync<TableEntity>(select: ["RowKey"]).AsPages().ToListAsync();

        // Assert
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.Equal(Enumerable.Range(0, 2_500).Select(i => $"{i:D5}"), pages.SelectMany(page => page.Values).Select(row => row.RowKey));
    }

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("x' or PartitionKey ne 'x")]
    public async Task QueryAsync_FilterValueWithQuotes_MatchesExactlyThatValue(string value)
    {
        // Arrange
        var table = await AzuriteStorage.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "match") { ["Name"] = value });
        await table.AddEntityAsync(new TableEntity("p", "other") { ["Name"] = "x" });

        // Act
        var matches = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Name eq {value}")).ToListAsync();

        // Assert
        Assert.Equal("match", Assert.Single(matches).RowKey);
    }

    [Fact]
    public async Task LeaseAcquireAsync_HeldByAnother_Fails409UntilReleased()
    {
        // Arrange
        var blob = (await AzuriteStorage.CreateContainerAsync()).GetBlobClient("lock");
        await blob.UploadAsync(BinaryData.FromString(string.Empty));
        var holder = blob.GetBlobLeaseClient();
        await holder.AcquireAsync(TimeSpan.FromSeconds(15));

        // Act
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15)));
        await holder.ReleaseAsync();
        var next = await blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15));

        // Assert
        Assert.Equal(409, refused.Status);
        Assert.NotNull(next.Value.LeaseId);
    }

    [Fact]
    public async Task QueueSendMessageAsync_TravelsAsBase64AsTheFunctionsTriggerReadsIt()
    {
        // Arrange
        var storage = await AzuriteStorage.ClientsAsync();
        var queue = await storage.GetQueueAsync(AzuriteServer.UniqueName("q"));
        var raw = new QueueClient((await AzuriteServer.Shared).ConnectionString, queue.Name,
            new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05) { MessageEncoding = QueueMessageEncoding.None });

        // Act
        await queue.SendMessageAsync("{\"type\":\"ü\"}");

        // Assert: the wire holds base64 of the UTF-8 text; the app's client reads the text back.
        var onTheWire = Assert.Single((await raw.PeekMessagesAsync()).Value).Body.ToString();
        Assert.Equal("{\"type\":\"ü\"}", Encoding.UTF8.GetString(Convert.FromBase64String(onTheWire)));
        Assert.Equal("{\"type\":\"ü\"}", Assert.Single((await queue.ReceiveMessagesAsync()).Value).Body.ToString());
    }

    [Fact]
    public async Task GetTableAsync_ConcurrentFirstUse_CreatesTheTableOnceAndReturnsOneClient()
    {
        // Arrange
        var storage = await AzuriteStorage.ClientsAsync();
        var name = AzuriteServer.UniqueName("t");

        // Act
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => storage.GetTableAsync(name)));

        // Assert: one client, and its table answers (a missing table fails the query with 404).
        var client = Assert.Single(clients.Distinct());
        Assert.Empty(await client.QueryAsync<TableEntity>().ToListAsync());
    }
}
