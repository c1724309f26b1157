using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Testing;

namespace CowansSync.Benchmarks.Push;

/// <summary>
/// Pushes seeded approved price changes to the Shopify simulator at the Standard plan's limits (bucket 2,000 points,
/// restoring 100 a second), by the built app standalone: once change by change and once through bulk mutations. Prints
/// wall time, changes/s, cost points spent per second against the restore rate, THROTTLED answers and GraphQL
/// requests per change.
/// </summary>
/// <remarks>Wall-clock timing of a distributed path on this machine, not a micro-benchmark.</remarks>
internal static class PushBenchmark
{
    private const string AdminKey = "benchmark-bootstrap-admin-key-0123456789abcdef";
    private const double RestoreRate = 100;

    /// <summary>Runs the benchmark.</summary>
    /// <param name="changes">How many price changes each path pushes.</param>
    /// <param name="paths"><c>both</c>, <c>single</c> (one by one) or <c>bulk</c>.</param>
    /// <param name="output">Where the figures go.</param>
    /// <returns>0 when every push completed with every change applied.</returns>
    public static async Task<int> RunAsync(int changes, string paths, TextWriter output)
    {
        // 7 in 10 generated products are in the store.
        var products = (changes * 10 / 7) + 10;
        output.WriteLine($"starting the sandbox with {products:N0} products...");
        await using var sandbox = await SandboxServer.StartAsync(products, layout: "flat", readyTimeout: TimeSpan.FromMinutes(5));
        var failures = 0;
        var chosen = new[] { ("one by one", int.MaxValue), ("bulk", 0) }
            .Where(path => paths == "both" || (paths == "bulk") == (path.Item2 == 0));
        foreach (var (path, bulkThreshold) in chosen)
        {
            failures += await PushAsync(sandbox, changes, path, bulkThreshold, output);
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> PushAsync(SandboxServer sandbox, int changes, string path, int bulkThreshold, TextWriter output)
    {
        output.WriteLine($"{path}: staging {changes:N0} approved price changes...");
        var runId = await PriceChangeSeeder.StageAsync(sandbox, changes);
        var contentRoot = Directory.CreateTempSubdirectory("push-bench-").FullName;
        var log = Path.Combine(contentRoot, "app.log");
        var settings = sandbox.AppSettings();
        settings["Auth:BootstrapAdminKey"] = AdminKey;
        settings["Push:BulkThreshold"] = bulkThreshold.ToString(CultureInfo.InvariantCulture);

        // The Etilize poll would import the sandbox's whole catalog in the middle of the measurement (once a year instead).
        settings["Etilize:PollSchedule"] = "0 0 0 1 1 *";
        using var app = AppProcess.Start(settings, contentRoot, log);
        using var client = await app.ClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var control = new HttpClient { BaseAddress = sandbox.ControlUrl };
        var before = (await control.GetFromJsonAsync<JsonElement>(new Uri("/counters", UriKind.Relative))).GetProperty("shopify");

        var stopwatch = Stopwatch.StartNew();
        using var started = await client.PostAsJsonAsync(new Uri("/api/sync/shopify/push", UriKind.Relative), new { batch_id = runId, confirm = true });
        started.EnsureSuccessStatusCode();
        var pushId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batch_id").GetString()!;
        var run = await WaitAsync(client, pushId, output);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var after = (await control.GetFromJsonAsync<JsonElement>(new Uri("/counters", UriKind.Relative))).GetProperty("shopify");

        var applied = run.GetProperty("counters").TryGetProperty("applied", out var value) ? value.GetInt64() : 0;
        var requests = Delta(before, after, "requests");
        var cost = Delta(before, after, "cost_spent");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {run.GetProperty("status").GetString()} — {applied:N0} of {changes:N0} applied in {wall:F1} s = {applied / wall:N1} changes/s; app log {log}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: {cost:N0} cost points spent = {cost / wall:N1} points/s against a restore rate of {RestoreRate:N0} ({cost / wall / RestoreRate:P0}); THROTTLED {Delta(before, after, "throttled"):N0}; {requests:N0} GraphQL requests = {requests / (double)changes:F3} per change; bulk operations {Delta(before, after, "bulk_operations"):N0}"));
        return run.GetProperty("status").GetString() == "completed" && applied == changes ? 0 : 1;
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string runId, TextWriter output)
    {
        var lastReport = Stopwatch.StartNew();
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/runs/{runId}", UriKind.Relative));
            if (run.GetProperty("status").GetString() is "completed" or "completed_with_errors" or "failed" or "cancelled")
            {
                return run;
            }

            if (lastReport.Elapsed > TimeSpan.FromSeconds(15))
            {
                var progress = run.GetProperty("progress");
                output.WriteLine($"  {run.GetProperty("phase").GetString()}: {progress.GetProperty("processed").GetInt64():N0} of {progress.GetProperty("total").GetInt64():N0}");
                lastReport.Restart();
            }

            await Task.Delay(500);
        }
    }

    private static double Delta(JsonElement before, JsonElement after, string counter)
        => after.GetProperty(counter).GetDouble() - before.GetProperty(counter).GetDouble();
}
