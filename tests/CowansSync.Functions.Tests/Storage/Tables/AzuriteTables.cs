using CowansSync.Functions.Storage;
using CowansSync.Functions.Storage.Tables;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Storage.Tables;

/// <summary>Table clients on the shared Azurite, each on a table no other test uses.</summary>
internal static class AzuriteTables
{
    public static async Task<StorageAccount> AccountAsync() => StorageAccount.Parse((await AzuriteServer.Shared).ConnectionString);

    /// <summary>A client whose table does not exist yet.</summary>
    public static async Task<TableClient> ClientAsync() => new(await AccountAsync(), AzuriteServer.UniqueName("t"));

    /// <summary>A client whose table exists and is empty.</summary>
    public static async Task<TableClient> CreateTableAsync()
    {
        var client = await ClientAsync();
        await client.CreateIfNotExistsAsync();
        return client;
    }

    /// <summary>Inserts <paramref name="count"/> entities into partition <paramref name="partitionKey"/>, 100 per transaction.</summary>
    public static async Task InsertAsync(TableClient client, string partitionKey, int count, Func<int, TableEntity>? build = null)
    {
        build ??= i => new TableEntity(partitionKey, $"{i:D6}") { ["Index"] = i };
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await client.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, build(i))));
        }
    }
}
