using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Testing;

namespace CowansSync.Benchmarks.Starts;

/// <summary>
/// How long a run waits before work begins on an idle app: an import, a push and a rollback, each started after the
/// app has sat idle long enough for its queue polling to back off fully, timed from the start request to the first
/// answer of the run that is no longer <c>pending</c>.
/// </summary>
/// <remarks>Wall-clock timing of the built app standalone on the sandbox, not a micro-benchmark.</remarks>
internal static class StartLatencyBenchmark
{
    private const string AdminKey = "benchmark-bootstrap-admin-key-0123456789abcdef";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(45);

    public static async Task<int> RunAsync(TextWriter output)
    {
        output.WriteLine("starting the sandbox with 500 products...");
        await using var sandbox = await SandboxServer.StartAsync(500, layout: "flat");
        var contentRoot = Directory.CreateTempSubdirectory("start-bench-").FullName;
        var settings = sandbox.AppSettings();
        settings["Auth:BootstrapAdminKey"] = AdminKey;
        using var app = AppProcess.Start(settings, contentRoot, Path.Combine(contentRoot, "app.log"));
        using var client = await app.ClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);

        var (importId, importWait) = await StartIdleAsync(client, "/api/etilize/sync/start", new { }, "job_id");
        await SettledAsync(client, importId);
        var (pushId, pushWait) = await StartIdleAsync(client, "/api/sync/shopify/push", new { batch_id = importId, confirm = true }, "batch_id");
        await SettledAsync(client, pushId);
        var applied = await FirstAppliedChangeAsync(client, importId);
        var (_, rollbackWait) = await StartIdleAsync(client, $"/api/sync/rollback/{applied}", new { reason = "start latency benchmark" }, "run_id");

        foreach (var (kind, wait) in new[] { ("import", importWait), ("push", pushWait), ("rollback", rollbackWait) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: work began {wait.TotalSeconds:F2} s after the start request, on an app idle for {Idle.TotalSeconds:F0} s"));
        }

        return 0;
    }

    private static async Task<(string RunId, TimeSpan Wait)> StartIdleAsync(HttpClient client, string route, object body, string idProperty)
    {
        await Task.Delay(Idle);
        var stopwatch = Stopwatch.StartNew();
        using var started = await client.PostAsJsonAsync(new Uri(route, UriKind.Relative), body);
        started.EnsureSuccessStatusCode();
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty(idProperty).GetString()!;
        while ((await RunAsync(client, runId)).GetProperty("status").GetString() == "pending")
        {
            await Task.Delay(20);
        }

        return (runId, stopwatch.Elapsed);
    }

    private static async Task SettledAsync(HttpClient client, string runId)
    {
        while ((await RunAsync(client, runId)).GetProperty("status").GetString() is "pending" or "running")
        {
            await Task.Delay(250);
        }
    }

    private static async Task<JsonElement> RunAsync(HttpClient client, string runId)
        => await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/runs/{runId}", UriKind.Relative));

    private static async Task<string> FirstAppliedChangeAsync(HttpClient client, string importId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/sync/staged?batch_id={importId}&status=applied&per_page=1", UriKind.Relative));
        return page.GetProperty("items")[0].GetProperty("change_id").GetString()!;
    }
}
