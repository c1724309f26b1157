using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Benchmarks.Tables;
using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Storage;
using CowansSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CowansSync.Benchmarks.Import;

/// <summary>
/// A whole catalog import, FTP → staged changes, by the built app standalone on the sandbox at zero latency: wall time,
/// rows/s, Xorosoft and Shopify requests per product and the app's peak memory; then, on the same file and storage, the
/// floors — the Etilize reader (ZIP + CsvHelper) alone and table-inserting as many rows alone — and the ratio to them.
/// </summary>
/// <remarks>Wall-clock timing of a distributed path on this machine, not a micro-benchmark.</remarks>
internal static class ImportBenchmark
{
    private const string AdminKey = "benchmark-bootstrap-admin-key-0123456789abcdef";

    public static async Task<int> RunAsync(int products, TextWriter output)
    {
        output.WriteLine($"starting the sandbox with {products:N0} products...");
        await using var sandbox = await SandboxServer.StartAsync(products, layout: "flat", readyTimeout: TimeSpan.FromMinutes(5));
        var contentRoot = Directory.CreateTempSubdirectory("import-bench-").FullName;
        var log = Path.Combine(contentRoot, "app.log");
        output.WriteLine($"app log: {log}");
        using var app = AppProcess.Start(Settings(sandbox), contentRoot, log);
        using var client = await app.ClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var control = new HttpClient { BaseAddress = sandbox.ControlUrl };
        var before = await control.GetFromJsonAsync<JsonElement>(new Uri("/counters", UriKind.Relative));

        var stopwatch = Stopwatch.StartNew();
        using var started = await client.PostAsJsonAsync(new Uri("/api/etilize/sync/start", UriKind.Relative), new { });
        started.EnsureSuccessStatusCode();
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString()!;
        var run = await WaitAsync(client, runId, output);
        var wall = stopwatch.Elapsed;
        var peak = app.PeakWorkingSetBytes;
        var after = await control.GetFromJsonAsync<JsonElement>(new Uri("/counters", UriKind.Relative));

        var counters = run.GetProperty("counters");
        var rows = counters.GetProperty("total_rows").GetInt64();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import: {run.GetProperty("status").GetString()} — {rows:N0} rows in {wall.TotalSeconds:F1} s = {rows / wall.TotalSeconds:N0} rows/s; app peak RSS {peak / 1048576.0:N0} MiB"));
        output.WriteLine($"summary: {counters.GetRawText()}");
        var xorosoft = Delta(before, after, "xorosoft", "requests");
        var shopify = Delta(before, after, "shopify", "requests");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests per product: Xorosoft {xorosoft / (double)rows:F3} ({xorosoft:N0}), Shopify {shopify / (double)rows:F4} ({shopify:N0}); Shopify throttled {Delta(before, after, "shopify", "throttled"):N0}"));

        var zip = Path.Combine(sandbox.EtilizeFolder, "cowans_etilize_20261101.zip");
        var read = await ReadFloorAsync(zip);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor, reader alone: {read.Rows:N0} rows in {read.Elapsed.TotalSeconds:F2} s"));
        var table = await StorageClients.FromConnectionString(sandbox.Value("storage", "connection_string")).GetTableAsync("insertfloor");
        var insert = await TableInsertBenchmark.InsertAsync(table, (int)rows, parallelism: 4);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor, table insert alone: {rows:N0} rows in {insert.TotalSeconds:F2} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"end to end / floors: {wall / read.Elapsed:F1}× the reader, {wall / insert:F1}× the inserts, {wall / (read.Elapsed + insert):F1}× both"));
        return run.GetProperty("status").GetString() == "awaiting_approval" ? 0 : 1;
    }

    private static Dictionary<string, string?> Settings(SandboxServer sandbox)
    {
        var settings = sandbox.AppSettings();
        settings["Auth:BootstrapAdminKey"] = AdminKey;
        settings["Import:StoreSnapshotPollInterval"] = "00:00:01";
        return settings;
    }

    /// <summary>Polls a run until it has finished, reporting its phase and progress every 10 s.</summary>
    internal static async Task<JsonElement> WaitAsync(HttpClient client, string runId, TextWriter output)
    {
        var lastReport = Stopwatch.StartNew();
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/runs/{runId}", UriKind.Relative));
            var status = run.GetProperty("status").GetString();
            if (status is "awaiting_approval" or "completed" or "completed_with_errors" or "failed" or "cancelled")
            {
                return run;
            }

            if (lastReport.Elapsed > TimeSpan.FromSeconds(10))
            {
                var progress = run.GetProperty("progress");
                output.WriteLine($"  {run.GetProperty("phase").GetString()}: {progress.GetProperty("processed").GetInt64():N0} of {progress.GetProperty("total").GetInt64():N0}");
                lastReport.Restart();
            }

            await Task.Delay(250);
        }
    }

    private static async Task<(long Rows, TimeSpan Elapsed)> ReadFloorAsync(string zipPath)
    {
        var reader = new EtilizeCatalogReader(Options.Create(new EtilizeArchiveOptions()), Options.Create(new EtilizeOptions()), NullLogger<EtilizeCatalogReader>.Instance);
        var stopwatch = Stopwatch.StartNew();
        var rows = 0L;
        await using var zip = File.OpenRead(zipPath);
        await foreach (var _ in reader.ReadAsync(zip, CancellationToken.None))
        {
            rows++;
        }

        return (rows, stopwatch.Elapsed);
    }

    private static long Delta(JsonElement before, JsonElement after, string system, string counter)
        => Count(after, system, counter) - Count(before, system, counter);

    private static long Count(JsonElement counters, string system, string counter)
        => counters.TryGetProperty(system, out var values) && values.TryGetProperty(counter, out var value) ? value.GetInt64() : 0;
}
