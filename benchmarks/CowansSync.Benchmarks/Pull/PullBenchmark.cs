using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Benchmarks.Import;
using CowansSync.Testing;

namespace CowansSync.Benchmarks.Pull;

/// <summary>
/// A full pull of the sandbox's store into an empty local catalog, by the built app standalone: wall time, products/s,
/// Shopify requests and bulk operations, the app's peak memory; then an incremental pull with nothing changed.
/// </summary>
/// <remarks>Wall-clock timing of a distributed path on this machine, not a micro-benchmark.</remarks>
internal static class PullBenchmark
{
    private const string AdminKey = "benchmark-bootstrap-admin-key-0123456789abcdef";

    public static async Task<int> RunAsync(int products, TextWriter output)
    {
        output.WriteLine($"starting the sandbox with {products:N0} products...");
        await using var sandbox = await SandboxServer.StartAsync(products, layout: "flat", readyTimeout: TimeSpan.FromMinutes(5));
        var contentRoot = Directory.CreateTempSubdirectory("pull-bench-").FullName;
        var log = Path.Combine(contentRoot, "app.log");
        output.WriteLine($"app log: {log}");
        var settings = sandbox.AppSettings();
        settings["Auth:BootstrapAdminKey"] = AdminKey;
        settings["Pull:ExportPollInterval"] = "00:00:01";
        using var app = AppProcess.Start(settings, contentRoot, log);
        using var client = await app.ClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var control = new HttpClient { BaseAddress = sandbox.ControlUrl };

        var full = await PullAsync(client, control, new { sync_type = "full" }, output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"full pull: {full.Status} — {full.Checked:N0} products in {full.Wall.TotalSeconds:F1} s = {full.Checked / full.Wall.TotalSeconds:N0} products/s; {full.Changes:N0} local changes, {full.Associations:N0} collection associations; Shopify {full.Requests:N0} requests, {full.BulkOperations:N0} bulk operation(s); app peak RSS {app.PeakWorkingSetBytes / 1048576.0:N0} MiB"));
        var incremental = await PullAsync(client, control, new { sync_type = "incremental" }, output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"incremental pull, nothing changed: {incremental.Status} — {incremental.Checked:N0} products in {incremental.Wall.TotalSeconds:F1} s; Shopify {incremental.Requests:N0} requests"));
        return full.Status == "completed" && incremental.Status == "completed" ? 0 : 1;
    }

    private static async Task<PullFigures> PullAsync(HttpClient client, HttpClient control, object body, TextWriter output)
    {
        var before = await control.GetFromJsonAsync<JsonElement>(new Uri("/counters", UriKind.Relative));
        var stopwatch = Stopwatch.StartNew();
        using var started = await client.PostAsJsonAsync(new Uri("/api/sync/shopify/pull", UriKind.Relative), body);
        started.EnsureSuccessStatusCode();
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batch_id").GetString()!;
        var run = await ImportBenchmark.WaitAsync(client, runId, output);
        var wall = stopwatch.Elapsed;
        var after = await control.GetFromJsonAsync<JsonElement>(new Uri("/counters", UriKind.Relative));
        var counters = run.GetProperty("counters");
        return new PullFigures(
            run.GetProperty("status").GetString()!,
            wall,
            counters.GetProperty("products_checked").GetInt64(),
            counters.GetProperty("total_changes").GetInt64(),
            counters.GetProperty("associations").GetInt64(),
            Delta(before, after, "requests"),
            Delta(before, after, "bulk_operations"));
    }

    private static long Delta(JsonElement before, JsonElement after, string counter)
        => Count(after, counter) - Count(before, counter);

    private static long Count(JsonElement counters, string counter)
        => counters.TryGetProperty("shopify", out var values) && values.TryGetProperty(counter, out var value) ? value.GetInt64() : 0;

    private sealed record PullFigures(string Status, TimeSpan Wall, long Checked, long Changes, long Associations, long Requests, long BulkOperations);
}
