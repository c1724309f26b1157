using System.Text.Json;
using CowansSync.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CowansSync.Functions.Tests.Import;

/// <summary>The approval timeout end to end: due while changes are pending, the run is marked overdue and the webhook is called once.</summary>
public sealed class ApprovalTimeoutTests(SmallImportSandbox sandbox) : IClassFixture<SmallImportSandbox>
{
    [Fact]
    public async Task Import_PendingChangesPastTheTimeout_MarksTheRunOverdueAndCallsTheWebhook()
    {
        await using var webhook = await NotificationReceiver.StartAsync();
        var appRoot = TestAppRoot.Create();
        var settings = sandbox.Settings();
        settings["Import:ApprovalTimeout"] = "00:00:02";
        settings["Notifications:WebhookUrl"] = webhook.Url;
        await using var app = new FunctionAppFactory(appRoot, settings);
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client);
        var waiting = await ImportClient.WaitAsync(client, runId);
        await webhook.WaitAsync(TimeSpan.FromSeconds(30));
        var overdue = await PollUntilAsync(client, runId, run => run.GetProperty("custom_status").GetString() == "overdue");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal("awaiting_approval", waiting.GetProperty("status").GetString());
        var notification = Assert.Single(webhook.Received);
        Assert.Equal("approval_overdue", notification.GetProperty("event").GetString());
        Assert.Equal(runId, notification.GetProperty("run_id").GetString());
        Assert.Equal("awaiting_approval", overdue.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Import_WebhookDownAtTheTimeout_StillMarksTheRunOverdue()
    {
        await using var webhook = await NotificationReceiver.StartAsync(StatusCodes.Status503ServiceUnavailable);
        var appRoot = TestAppRoot.Create();
        var settings = sandbox.Settings();
        settings["Import:ApprovalTimeout"] = "00:00:02";
        settings["Notifications:WebhookUrl"] = webhook.Url;
        await using var app = new FunctionAppFactory(appRoot, settings);
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client);
        await ImportClient.WaitAsync(client, runId);
        await webhook.WaitAsync(TimeSpan.FromSeconds(30));
        var overdue = await PollUntilAsync(client, runId, run => run.GetProperty("custom_status").GetString() == "overdue");

        Assert.Equal("awaiting_approval", overdue.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, overdue.GetProperty("last_error").ValueKind);
    }

    private static async Task<JsonElement> PollUntilAsync(HttpClient client, string runId, Func<JsonElement, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}", FunctionAppFactory.BootstrapKey);
            var run = await response.ReadJsonAsync();
            if (done(run))
            {
                return run;
            }

            await Task.Delay(200, deadline.Token);
        }
    }
}
