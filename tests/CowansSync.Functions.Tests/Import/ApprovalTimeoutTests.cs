using System.Text.Json;
using CowansSync.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CowansSync.Functions.Tests.Import;

/// <summary>The approval timeout end to end: due while changes are pending, the run is marked overdue and the webhook is called once.</summary>
public sealed class ApprovalTimeoutTests(SmallImportSandbox sandbox) : IClassFixture<SmallImportSandbox>
{
    [Fact]
    public async Task Import_PendingChangesPastTheTimeout_MarksTheRunOverdueAndCallsTheWebhook()
    {
        var notifications = new List<JsonElement>();
        var notified = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var webhook = await StartWebhookAsync(async request =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            lock (notifications)
            {
                notifications.Add(body);
            }

            notified.TrySetResult(body);
        });
        var appRoot = TestAppRoot.Create();
        var settings = sandbox.Settings();
        settings["Import:ApprovalTimeout"] = "00:00:02";
        settings["Notifications:WebhookUrl"] = $"{webhook.Urls.Single()}/hooks/cowans";
        await using var app = new FunctionAppFactory(appRoot, settings);
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client);
        var waiting = await ImportClient.WaitAsync(client, runId);
        var notification = await notified.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var overdue = await PollUntilAsync(client, runId, run => run.GetProperty("custom_status").GetString() == "overdue");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal("awaiting_approval", waiting.GetProperty("status").GetString());
        Assert.Equal("approval_overdue", notification.GetProperty("event").GetString());
        Assert.Equal(runId, notification.GetProperty("run_id").GetString());
        Assert.Equal("awaiting_approval", overdue.GetProperty("status").GetString());
        Assert.Single(notifications);
    }

    [Fact]
    public async Task Import_WebhookDownAtTheTimeout_StillMarksTheRunOverdue()
    {
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var webhook = await StartWebhookAsync(_ =>
        {
            called.TrySetResult();
            return Task.CompletedTask;
        }, StatusCodes.Status503ServiceUnavailable);
        var appRoot = TestAppRoot.Create();
        var settings = sandbox.Settings();
        settings["Import:ApprovalTimeout"] = "00:00:02";
        settings["Notifications:WebhookUrl"] = $"{webhook.Urls.Single()}/hooks/cowans";
        await using var app = new FunctionAppFactory(appRoot, settings);
        using var client = app.CreateClient();

        var runId = await ImportClient.StartAsync(client);
        await ImportClient.WaitAsync(client, runId);
        await called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var overdue = await PollUntilAsync(client, runId, run => run.GetProperty("custom_status").GetString() == "overdue");

        Assert.Equal("awaiting_approval", overdue.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, overdue.GetProperty("last_error").ValueKind);
    }

    private static async Task<WebApplication> StartWebhookAsync(Func<HttpRequest, Task> receive, int status = StatusCodes.Status204NoContent)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var webhook = builder.Build();
        webhook.MapPost("/hooks/cowans", async (HttpRequest request) =>
        {
            await receive(request);
            return Results.StatusCode(status);
        });
        await webhook.StartAsync();
        return webhook;
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
