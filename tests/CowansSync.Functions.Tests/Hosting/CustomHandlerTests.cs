using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Work;

namespace CowansSync.Functions.Tests.Hosting;

/// <summary>The Functions host's invocation protocol, with the payloads the host documents.</summary>
public sealed class CustomHandlerTests
{
    // The host's JSON keeps .NET property names (Data, Metadata, DequeueCount): no camelCase.
    private static readonly JsonSerializerOptions HostJson = new();

    private readonly InvocationRecorder _recorder = new();

    [Fact]
    public async Task Invoke_DocumentedTimerPayload_RunsTimerHandlerAndAnswersInvocationShape()
    {
        // Arrange
        await using var sut = await CreateSutAsync(customHandler: true);
        using var client = sut.CreateClient();
        const string Body = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
              "ScheduleStatus":{"Last":"2026-03-01T09:00:00+00:00","Next":"2026-03-01T10:00:00+00:00","LastUpdated":"2026-03-01T09:00:00+00:00"},
              "IsPastDue":true}},
             "Metadata":{"sys":{"MethodName":"TestTimer","UtcNow":"2026-03-01T10:00:01Z","RandGuid":"0d6b4b1e-5f0e-4b8e-9d8a-1f2e3d4c5b6a"}}}
            """;
        using var content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json");

        // Act
        using var response = await client.PostAsync(new Uri("/TestTimer", UriKind.Relative), content);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertInvocationShapeAsync(response);
        var timer = Assert.IsType<TimerInvocation>(Assert.Single(_recorder.Invocations));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), timer.ScheduledTime);
        Assert.True(timer.IsPastDue);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Invoke_DocumentedQueuePayload_DispatchesMessageByType(bool jsonEncodedTwice)
    {
        // Arrange
        await using var sut = await CreateSutAsync(customHandler: true);
        using var client = sut.CreateClient();
        var message = JsonSerializer.Serialize(new { type = RecordingWorkHandler.Type, run_id = "run-42", sku = "ABC-1" });
        var data = jsonEncodedTwice ? JsonSerializer.Serialize(message) : message;
        var body = new
        {
            Data = new { message = data },
            Metadata = new
            {
                DequeueCount = "2", ExpirationTime = "2026-03-08T10:00:00+00:00", Id = "\"5e0d3c4b-message\"",
                InsertionTime = "2026-03-01T10:00:00+00:00", NextVisibleTime = "2026-03-01T10:10:00+00:00", PopReceipt = "AgAAAAMAAAA",
                sys = new { MethodName = "SyncWork", UtcNow = "2026-03-01T10:00:01Z" },
            },
        };

        // Act
        using var response = await client.PostAsJsonAsync("/SyncWork", body, HostJson);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertInvocationShapeAsync(response);
        var work = Assert.IsType<WorkMessage>(Assert.Single(_recorder.Invocations));
        Assert.Equal(RecordingWorkHandler.Type, work.Type);
        Assert.Equal("run-42", work.RunId);
        Assert.Equal("ABC-1", work.Body.GetProperty("sku").GetString());
        Assert.Equal("5e0d3c4b-message", work.MessageId);
        Assert.Equal(2, work.DequeueCount);
    }

    [Theory]
    [InlineData(FailingWorkHandler.Type)]
    [InlineData("no.such.type")]
    public async Task Invoke_HandlerFails_Answers500WithErrorBody(string messageType)
    {
        // Arrange
        await using var sut = await CreateSutAsync(customHandler: true);
        using var client = sut.CreateClient();
        var body = new { Data = new { message = JsonSerializer.Serialize(new { type = messageType }) }, Metadata = new { DequeueCount = 1, Id = "m1" } };

        // Act
        using var response = await client.PostAsJsonAsync("/SyncWork", body, HostJson);

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The function 'SyncWork' failed.", error.GetProperty("error").GetString());
        Assert.False(error.GetProperty("details").TryGetProperty("stack_trace", out _));
    }

    [Fact]
    public async Task Invoke_StandaloneMode_InvocationRoutesDoNotExist()
    {
        await using var sut = await CreateSutAsync(customHandler: false);
        using var client = sut.CreateClient();
        var body = new { Data = new { message = JsonSerializer.Serialize(new { type = RecordingWorkHandler.Type }) } };

        using var response = await client.PostAsJsonAsync("/SyncWork", body, HostJson);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_recorder.Invocations);
    }

    [Fact]
    public async Task Ready_CustomHandlerMode_Answers200()
    {
        await using var sut = await CreateSutAsync(customHandler: true);
        using var client = sut.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertInvocationShapeAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, json.GetProperty("Outputs").ValueKind);
        Assert.Contains("Succeeded", Assert.Single(json.GetProperty("Logs").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ReturnValue").ValueKind);
    }

    private async Task<FunctionAppFactory> CreateSutAsync(bool customHandler)
    {
        var appRoot = TestAppRoot.Create().WithTimer("TestTimer", "0 0 * * * *").WithQueue(FunctionNames.SyncWork, "custom-handler-unused");
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        if (customHandler)
        {
            settings[HostingMode.PortVariable] = "7071";
        }

        return new FunctionAppFactory(appRoot, settings, services => services.AddTestHandlers(_recorder, "TestTimer"));
    }
}
