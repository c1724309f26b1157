using System.Net;
using System.Text.Json;
using CowansSync.Functions.Tests.Infrastructure;

namespace CowansSync.Functions.Tests.Import;

/// <summary>Drives an import through the HTTP API, as an operator would.</summary>
internal static class ImportClient
{
    private const string Key = FunctionAppFactory.BootstrapKey;

    public static async Task<string> StartAsync(HttpClient client, object? body = null)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/etilize/sync/start", Key, body ?? new { filename = ImportSandbox.FileName });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("job_id").GetString()!;
    }

    /// <summary>Polls the run until it stops moving (awaiting approval or finished).</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string runId, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}", Key);
            var run = await response.ReadJsonAsync();
            if (run.GetProperty("status").GetString() is "awaiting_approval" or "completed" or "completed_with_errors" or "failed" or "cancelled")
            {
                return run;
            }

            await Task.Delay(250, deadline.Token);
        }
    }

    public static async Task<List<JsonElement>> StagedAsync(HttpClient client, string runId)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/api/sync/staged?batch_id={runId}&per_page=200&page={page}", Key);
            var body = await response.ReadJsonAsync();
            items.AddRange(body.GetProperty("items").EnumerateArray());
            if (page >= body.GetProperty("total_pages").GetInt32())
            {
                return items;
            }
        }
    }

    public static async Task<JsonElement> StatusAsync(HttpClient client, string runId)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/etilize/sync/status/{runId}", Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
