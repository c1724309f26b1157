namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>Waits on a run through <c>GET /api/runs/{run_id}</c>.</summary>
public static class RunWaits
{
    /// <summary>Waits until the run has processed something but not everything: the moment to kill the app.</summary>
    /// <param name="client">The app.</param>
    /// <param name="runId">The run.</param>
    /// <returns>A task that completes when the run is under way; it fails if the run finished first.</returns>
    public static async Task UntilMidRunAsync(HttpClient client, string runId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}", FunctionAppFactory.BootstrapKey);
            if (response.IsSuccessStatusCode && (await response.ReadJsonAsync()).GetProperty("progress") is var progress
                && progress.GetProperty("processed").GetInt64() is > 0 and var processed)
            {
                Assert.True(processed < progress.GetProperty("total").GetInt64(), "The run finished before the app could be killed.");
                return;
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
