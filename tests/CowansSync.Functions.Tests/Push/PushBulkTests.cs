using CowansSync.Functions.Tests.Import;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Push;

/// <summary>2,900 products, so the store holds the 2,030 a bulk push needs.</summary>
public sealed class BulkPushSandbox() : ImportSandbox("flat", 2_900);

/// <summary>A push above <c>Push__BulkThreshold</c> goes through bulk mutations, with each line's result read back.</summary>
public sealed class PushBulkTests(BulkPushSandbox sandbox) : IClassFixture<BulkPushSandbox>
{
    private const int Changes = 2_000;

    [Fact]
    public async Task Push_TwoThousandChanges_GoesThroughTheBulkPath()
    {
        // Arrange
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var runId = await PriceChangeSeeder.StageAsync(sandbox.Sandbox, Changes);
        var before = await PushClient.CountersAsync(sandbox);

        // Act
        var pushId = await PushClient.StartAsync(client, new { batch_id = runId, confirm = true });
        var push = await PushClient.WaitAsync(client, pushId, TimeSpan.FromMinutes(5));

        // Assert
        var after = await PushClient.CountersAsync(sandbox);
        Assert.Equal("completed", push.GetProperty("status").GetString());
        Assert.Equal(Changes, push.GetProperty("progress").GetProperty("succeeded").GetInt32());
        Assert.True(after.GetProperty("bulk_operations").GetInt32() > before.GetProperty("bulk_operations").GetInt32());
        var requests = after.GetProperty("requests").GetInt32() - before.GetProperty("requests").GetInt32();
        Assert.True(requests < Changes / 10, $"{requests} requests for {Changes} changes");
        foreach (var change in (await ImportClient.StagedAsync(client, runId)).Take(25))
        {
            Assert.Equal("applied", change.GetProperty("status").GetString());
            var expected = PushClient.StagedValue(change.GetProperty("field_changes").GetProperty("price").GetProperty("new"));
            Assert.Equal(expected, PushClient.StoreValue(await PushClient.StoreAsync(sandbox, change.GetProperty("sku").GetString()!), "price"));
        }
    }
}
