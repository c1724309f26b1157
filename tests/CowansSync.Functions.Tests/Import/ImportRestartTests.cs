using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Import;

/// <summary>
/// The app process killed mid-import (SIGKILL, no shutdown) and started again: the run finishes with the same staged
/// changes and exact counters, the killed instance's partition lease and messages taken over once they lapse.
/// </summary>
public sealed class ImportRestartTests(RestartImportSandbox sandbox) : IClassFixture<RestartImportSandbox>
{
    [Fact]
    public async Task Import_AppKilledMidRunAndRestarted_FinishesWithExactlyTheTruth()
    {
        var appRoot = TestAppRoot.Create();
        string runId;
        var settings = sandbox.Settings();

        // Ten chunks of two batches, one chunk at a time: the progress moves in steps the kill can land between.
        settings["Import:BatchSize"] = "50";
        settings["Import:BatchesPerChunk"] = "2";
        settings["Import:ParallelChunks"] = "1";
        using (var first = AppProcess.Start(settings, appRoot.Path))
        {
            using var client = await first.ClientAsync();
            runId = await ImportClient.StartAsync(client);
            await RunWaits.UntilMidRunAsync(client, runId);
            first.Kill();
        }

        using var second = AppProcess.Start(settings, appRoot.Path);
        using var restarted = await second.ClientAsync();
        var run = await ImportClient.WaitAsync(restarted, runId, TimeSpan.FromMinutes(5));

        await ImportAssertions.MatchTruthAsync(restarted, sandbox, runId, run);
    }
}

/// <summary>1,000 products: twenty batches, so the kill lands mid-run.</summary>
public sealed class RestartImportSandbox() : ImportSandbox("flat", 1000);
