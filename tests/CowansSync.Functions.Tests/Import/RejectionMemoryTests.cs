using System.Net;
using System.Text.Json;
using CowansSync.Functions.Tests.Infrastructure;

namespace CowansSync.Functions.Tests.Import;

/// <summary>
/// A reviewer's rejection outlives its run: importing the same file again does not stage the rejected values again,
/// until the rejection is reopened.
/// </summary>
public sealed class RejectionMemoryTests(FlatImportSandbox sandbox) : IClassFixture<FlatImportSandbox>
{
    private const string Key = FunctionAppFactory.BootstrapKey;

    [Fact]
    public async Task Reimport_AfterARejection_SkipsItCountingItUntilItIsReopened()
    {
        // Arrange: one import, and one of its pending changes rejected — twice, as a retrying client would.
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var first = await ImportAsync(client);
        var rejected = (await ImportClient.StagedAsync(client, first)).First(change => change.GetProperty("status").GetString() == "pending");
        var (changeId, sku) = (rejected.GetProperty("change_id").GetString()!, rejected.GetProperty("sku").GetString()!);
        using (var reject = await client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{changeId}/reject", Key, new { reason = "Etilize's title is wrong" }))
        {
            Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        }

        using (var again = await client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{changeId}/reject", Key, new { reason = "Etilize's title is wrong" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // Act: the same file again, then the rejection reopened and the file a third time.
        var second = await ImportAsync(client);
        var secondStaged = await ImportClient.StagedAsync(client, second);
        var secondCounters = (await ImportClient.StatusAsync(client, second)).GetProperty("progress");
        using var reopen = await client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{changeId}/reopen", Key, new { notes = "The title is right after all" });
        var reopened = await ChangeAsync(client, changeId);
        var third = await ImportAsync(client);
        var thirdStaged = await ImportClient.StagedAsync(client, third);

        // Assert
        Assert.DoesNotContain(secondStaged, change => change.GetProperty("sku").GetString() == sku);
        Assert.Equal(1, secondCounters.GetProperty("previously_rejected").GetInt64());
        Assert.Equal((await ImportClient.StagedAsync(client, first)).Count - 1, secondStaged.Count);
        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        Assert.Equal("pending", reopened.GetProperty("status").GetString());
        Assert.Contains(thirdStaged, change => change.GetProperty("sku").GetString() == sku);
        Assert.Equal(0, (await ImportClient.StatusAsync(client, third)).GetProperty("progress").GetProperty("previously_rejected").GetInt64());
    }

    [Fact]
    public async Task Reopen_ChangeNotRejected_Answers409NamingItsStatus()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var run = await ImportAsync(client);
        var pending = (await ImportClient.StagedAsync(client, run)).First(change => change.GetProperty("status").GetString() == "pending");

        using var response = await client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{pending.GetProperty("change_id").GetString()}/reopen", Key);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Contains("Only rejected changes, or approved ones not yet pushed, can be reopened", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("pending", body.GetProperty("details").GetProperty("status").GetString());
    }

    private static async Task<string> ImportAsync(HttpClient client)
    {
        var runId = await ImportClient.StartAsync(client);
        await ImportClient.WaitAsync(client, runId);
        return runId;
    }

    private static async Task<JsonElement> ChangeAsync(HttpClient client, string changeId)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/sync/staged/{changeId}", Key);
        return await response.ReadJsonAsync();
    }
}
