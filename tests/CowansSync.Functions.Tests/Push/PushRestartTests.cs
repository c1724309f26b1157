using CowansSync.Functions.Tests.Import;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Push;

/// <summary>500 products, so the store holds the 300 the push changes.</summary>
public sealed class RestartPushSandbox() : ImportSandbox("flat", 500);

/// <summary>
/// The app process killed mid-push (SIGKILL, no shutdown) and started again: the push finishes with exact counters,
/// every change applied once, with one version.
/// </summary>
public sealed class PushRestartTests(RestartPushSandbox sandbox) : IClassFixture<RestartPushSandbox>
{
    private const int Changes = 300;

    [Fact]
    public async Task Push_AppKilledMidRunAndRestarted_AppliesEveryChangeOnce()
    {
        // Arrange: thirty batches of ten, one at a time, so the kill lands between them.
        var appRoot = TestAppRoot.Create();
        var settings = sandbox.Settings();
        settings["Push:BatchSize"] = "10";
        settings["Push:ParallelBatches"] = "1";
        var batchId = await PriceChangeSeeder.StageAsync(sandbox.Sandbox, Changes);
        string pushId;

        // Act
        using (var first = AppProcess.Start(settings, appRoot.Path))
        {
            using var client = await first.ClientAsync();
            pushId = await PushClient.StartAsync(client, new { batch_id = batchId, confirm = true });
            await RunWaits.UntilMidRunAsync(client, pushId);
            first.Kill();
        }

        using var second = AppProcess.Start(settings, appRoot.Path);
        using var restarted = await second.ClientAsync();
        var push = await PushClient.WaitAsync(restarted, pushId, TimeSpan.FromMinutes(5));

        // Assert
        Assert.True(push.GetProperty("status").GetString() == "completed", push.ToString());
        Assert.Equal(Changes, push.GetProperty("counters").GetProperty("applied").GetInt32());
        var staged = await ImportClient.StagedAsync(restarted, batchId);
        Assert.Equal(Changes, staged.Count);
        foreach (var change in staged)
        {
            Assert.Equal("applied", change.GetProperty("status").GetString());
            var sku = change.GetProperty("sku").GetString()!;
            using var response = await restarted.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(sku)}/versions", FunctionAppFactory.BootstrapKey);
            var versions = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
            Assert.Single(versions, v => v.GetProperty("change_id").GetString() == change.GetProperty("change_id").GetString());
        }
    }
}
