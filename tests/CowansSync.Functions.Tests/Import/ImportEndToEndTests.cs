using System.Text.Json;
using CowansSync.Functions.Tests.Fakes;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Import;

/// <summary>
/// The import end to end on the sandbox (real Azurite, FTP server, Shopify and Xorosoft simulators), through the HTTP
/// API and the standalone Durable host: staged changes match the generator's truth exactly.
/// </summary>
public sealed class FlatImportEndToEndTests(FlatImportSandbox sandbox) : IClassFixture<FlatImportSandbox>
{
    private static readonly Dictionary<string, string?> SnapshotAlways = new()
    {
        ["Import:StoreSnapshotThreshold"] = "0",
        ["Import:StoreSnapshotPollInterval"] = "00:00:00.2",
    };

    [Fact]
    public async Task Import_FlatLayout_StagesExactlyTheTruth()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client);
        var run = await ImportClient.WaitAsync(client, runId);

        await ImportAssertions.MatchTruthAsync(client, sandbox, runId, run);
    }

    [Fact]
    public async Task Import_MatchingAgainstAStoreSnapshot_StagesExactlyTheTruth()
    {
        await using var app = sandbox.CreateApp(settings: SnapshotAlways);
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client);
        var run = await ImportClient.WaitAsync(client, runId);

        await ImportAssertions.MatchTruthAsync(client, sandbox, runId, run);
    }

    [Fact]
    public async Task Import_EveryBatchStagedTwice_SameStagedChangesAndExactCounters()
    {
        // Each batch's first staging lands but fails its activity, which then runs again; batches of 100, so there are several.
        AcknowledgementLosingStagedChangeStore? store = null;
        await using var app = sandbox.CreateApp(
            services => services.Decorate<IStagedChangeStore>(inner => store = new AcknowledgementLosingStagedChangeStore(inner)),
            new Dictionary<string, string?> { ["Import:BatchSize"] = "100" });
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client);
        var run = await ImportClient.WaitAsync(client, runId);

        await ImportAssertions.MatchTruthAsync(client, sandbox, runId, run);
        Assert.True(store!.LostCount > 1, $"only {store.LostCount} stagings were repeated");
    }
}

/// <summary>The same import from the Etilize Enhanced Content layout.</summary>
public sealed class EnhancedImportEndToEndTests(EnhancedImportSandbox sandbox) : IClassFixture<EnhancedImportSandbox>
{
    [Fact]
    public async Task Import_EnhancedLayout_StagesExactlyTheTruth()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client);
        var run = await ImportClient.WaitAsync(client, runId);

        await ImportAssertions.MatchTruthAsync(client, sandbox, runId, run);
    }
}

/// <summary>Compares a finished import with the truth.</summary>
internal static class ImportAssertions
{
    // maxListed: the run's Import__MaxListedErrors, the most filtered SKUs it lists.
    public static async Task MatchTruthAsync(HttpClient client, ImportSandbox sandbox, string runId, JsonElement run, int maxListed = 100)
    {
        var expected = ImportExpectation.From(await sandbox.TruthAsync());
        var staged = await ImportClient.StagedAsync(client, runId);
        var status = await ImportClient.StatusAsync(client, runId);

        Assert.Equal("awaiting_approval", run.GetProperty("status").GetString());
        var actual = staged.ToDictionary(
            s => s.GetProperty("sku").GetString()!,
            s => new ExpectedChange(
                s.GetProperty("change_type").GetString()!,
                s.GetProperty("status").GetString()!,
                s.GetProperty("change_type").GetString() == "update" ? string.Join(",", s.GetProperty("field_changes").EnumerateObject().Select(f => f.Name)) : null));
        Assert.Equal(expected.Changes.OrderBy(c => c.Key), actual.OrderBy(c => c.Key));
        var listed = status.GetProperty("xorosoft_filtered_skus").EnumerateArray().Select(s => s.GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Math.Min(expected.Filtered.Count, maxListed), listed.Count);
        Assert.Subset(expected.Filtered.ToHashSet(StringComparer.Ordinal), listed);

        var counters = status.GetProperty("progress");
        Assert.Equal(expected.Rows, counters.GetProperty("total_rows").GetInt64());
        Assert.Equal(expected.Rows, counters.GetProperty("processed_rows").GetInt64());
        Assert.Equal(expected.Filtered.Count, counters.GetProperty("xorosoft_filtered").GetInt64());
        Assert.Equal(expected.Changes.Values.Count(c => c.ChangeType == "create"), counters.GetProperty("new_products").GetInt64());
        Assert.Equal(expected.Changes.Values.Count(c => c.ChangeType == "update"), counters.GetProperty("updated_products").GetInt64());
        Assert.Equal(expected.Unchanged.Count, counters.GetProperty("unchanged").GetInt64());
        Assert.Equal(expected.Unchanged.Count + expected.Changes.Values.Count(c => c.ChangeType == "update"), counters.GetProperty("matched_products").GetInt64());
        Assert.Equal(expected.Approved, counters.GetProperty("auto_approved").GetInt64());
        Assert.Equal(expected.Pending, counters.GetProperty("pending_review").GetInt64());
        Assert.Equal(0, counters.GetProperty("failed_rows").GetInt64());
        Assert.Equal(100m, run.GetProperty("progress").GetProperty("percent").GetDecimal());
    }
}
