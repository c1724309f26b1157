using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Tests.Fakes;
using CowansSync.Functions.Tests.Import;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Tests.Push;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Schedules;

/// <summary>100 products in the flat layout, for scheduled syncs.</summary>
public sealed class ScheduleSandbox() : ImportSandbox("flat", 100);

/// <summary>
/// Sync schedules on the sandbox (real Azurite, Shopify and Xorosoft simulators, the schedule timer polling every
/// second): a schedule's occurrence runs once across two app instances, its steps in order as runs of their own, and
/// tells its webhook; a failed step with <c>stop_on_error</c> skips the rest and tells <c>on_error</c>.
/// </summary>
public sealed class ScheduledSyncTests(ScheduleSandbox sandbox) : IClassFixture<ScheduleSandbox>
{
    private const string Key = FunctionAppFactory.BootstrapKey;
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Occurrence_TwoInstances_RunsOnceStepsInOrderAndNotifies()
    {
        // Arrange: two instances on one storage account and task hub, their clock 4 s before a minute; a daily schedule at that minute.
        await sandbox.ResetAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var clock = new ShiftedClock();
        var settings = Settings(sandbox.Settings());
        await using var first = App(settings, clock);
        await using var second = App(settings, clock);
        using var client = first.CreateClient();
        second.CreateClient().Dispose();
        var occurrence = clock.ShiftToBeforeNextMinute(Lead);

        // Act
        var id = await CreateAsync(client, new
        {
            name = "Nightly stock",
            schedule = DailyAt(occurrence),
            operations = new object[]
            {
                new { type = "sync_down", config = new { mode = "incremental" } },
                new { type = "xorosoft_inventory", config = new { sync_mode = "all" } },
            },
            notifications = new { on_complete = true, webhook_url = receiver.Url },
        });
        await receiver.WaitAsync(TimeSpan.FromMinutes(3));

        // Assert: one run for the occurrence; the pull ran before the inventory sync (which found the products it pulled).
        var runId = $"schedule-{id}-{occurrence:yyyyMMddHHmmss}";
        var notified = Assert.Single(receiver.Received);
        Assert.Equal("schedule_completed", notified.GetProperty("event").GetString());
        Assert.Equal(runId, notified.GetProperty("run_id").GetString());
        var steps = notified.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["sync_down", "xorosoft_inventory"], steps.Select(step => step.GetProperty("type").GetString()));
        Assert.All(steps, step => Assert.Equal("completed", step.GetProperty("status").GetString()));
        var pull = await PushClient.WaitAsync(client, $"{runId}-1-sync_down");
        var inventory = await PushClient.WaitAsync(client, $"{runId}-2-xorosoft_inventory");
        Assert.True(pull.GetProperty("completed_at").GetDateTimeOffset() <= inventory.GetProperty("started_at").GetDateTimeOffset());
        Assert.True(inventory.GetProperty("counters").GetProperty("products_checked").GetInt32() > 0, "the inventory sync ran before the pull: no local products");

        var schedule = await GetAsync(client, id);
        Assert.Equal(runId, schedule.GetProperty("last_run").GetProperty("run_id").GetString());
        Assert.Equal("completed", schedule.GetProperty("last_run").GetProperty("status").GetString());
        Assert.Equal(occurrence.AddDays(1), schedule.GetProperty("next_run_at").GetDateTimeOffset());
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(receiver.Received);
        using var runs = await client.SendAsync(HttpMethod.Get, "/api/runs?kind=scheduled_sync", Key);
        Assert.Equal([runId], (await runs.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(run => run.GetProperty("run_id").GetString()));
    }

    [Fact]
    public async Task Occurrence_FirstStepFailsWithStopOnError_SkipsTheRestAndNotifiesOnError()
    {
        // Arrange: an app without Etilize, so the import step cannot run; its steps are tried once.
        await sandbox.ResetAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var clock = new ShiftedClock();
        var settings = Settings(sandbox.Settings()).Where(setting => !setting.Key.StartsWith("Etilize:", StringComparison.Ordinal)).ToDictionary();
        settings["Schedules:ActivityAttempts"] = "1";
        await using var app = App(settings, clock);
        using var client = app.CreateClient();
        var occurrence = clock.ShiftToBeforeNextMinute(Lead);

        // Act
        var id = await CreateAsync(client, new
        {
            name = "Import then pull",
            schedule = DailyAt(occurrence),
            operations = new object[] { new { type = "etilize_import" }, new { type = "sync_down" } },
            stop_on_error = true,
            notifications = new { on_complete = true, on_error = true, webhook_url = receiver.Url },
        });
        await receiver.WaitAsync(TimeSpan.FromMinutes(3));

        // Assert
        var runId = $"schedule-{id}-{occurrence:yyyyMMddHHmmss}";
        var notified = Assert.Single(receiver.Received);
        Assert.Equal("schedule_failed", notified.GetProperty("event").GetString());
        var steps = notified.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("failed", steps[0].GetProperty("status").GetString());
        Assert.Contains("Etilize__Host", steps[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("skipped", steps[1].GetProperty("status").GetString());
        Assert.Equal("completed_with_errors", (await PushClient.WaitAsync(client, runId)).GetProperty("status").GetString());
        using var pull = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}-2-sync_down", Key);
        Assert.Equal(HttpStatusCode.NotFound, pull.StatusCode);
    }

    [Fact]
    public async Task Occurrence_ImportThenSyncUp_ImportEndsWithoutWaitingAndItsApprovedChangesArePushed()
    {
        // Arrange: a new Etilize file, whatever an earlier test imported.
        await sandbox.ResetAsync();
        using (var http = new HttpClient())
        {
            (await http.PostAsJsonAsync(new Uri(sandbox.Sandbox.ControlUrl, "/etilize/drops"), new { })).EnsureSuccessStatusCode();
        }

        await using var receiver = await NotificationReceiver.StartAsync();
        var clock = new ShiftedClock();
        await using var app = App(Settings(sandbox.Settings()), clock);
        using var client = app.CreateClient();
        var occurrence = clock.ShiftToBeforeNextMinute(Lead);

        // Act
        var id = await CreateAsync(client, new
        {
            name = "Import and push",
            schedule = DailyAt(occurrence),
            operations = new object[] { new { type = "etilize_import" }, new { type = "sync_up" } },
            notifications = new { on_complete = true, webhook_url = receiver.Url },
        });
        await receiver.WaitAsync(TimeSpan.FromMinutes(3));

        // Assert: the import staged and ended (people review its pending changes later); the push applied what the rules approved.
        var runId = $"schedule-{id}-{occurrence:yyyyMMddHHmmss}";
        var steps = Assert.Single(receiver.Received).GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["completed", "completed"], steps.Select(step => step.GetProperty("status").GetString()));
        var import = await PushClient.WaitAsync(client, $"{runId}-1-etilize_import");
        var push = await PushClient.WaitAsync(client, $"{runId}-2-sync_up-1");
        Assert.Equal("completed", import.GetProperty("status").GetString());
        Assert.Contains("wait for review", import.GetProperty("custom_status").GetString(), StringComparison.Ordinal);
        var approved = import.GetProperty("counters").GetProperty("auto_approved").GetInt32();
        Assert.True(approved > 0);
        Assert.True(import.GetProperty("counters").GetProperty("pending_review").GetInt32() > 0);
        Assert.Equal(approved, push.GetProperty("counters").GetProperty("applied").GetInt32());
        Assert.Equal([$"{runId}-2-sync_up-1"], steps[1].GetProperty("run_ids").EnumerateArray().Select(run => run.GetString()));
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?> settings)
    {
        settings["Auth:BootstrapAdminKey"] = Key;
        settings["Schedules:PollSchedule"] = "* * * * * *";

        // The Etilize poll would claim the newest file before a schedule's import step does.
        settings["Etilize:PollSchedule"] = "0 0 0 1 1 *";
        return settings;
    }

    private static FunctionAppFactory App(Dictionary<string, string?> settings, ShiftedClock clock) =>
        new(TestAppRoot.Create(), settings, services => services.AddSingleton<TimeProvider>(clock));

    private static string DailyAt(DateTimeOffset occurrence) => string.Create(CultureInfo.InvariantCulture, $"{occurrence.Minute} {occurrence.Hour} * * *");

    private static async Task<string> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/batch/sync/create", Key, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string id)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/batch/sync/{id}", Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
