using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Hosting;

/// <summary>Standalone mode's queue trigger against a real Azurite: delete on success, retry, poison after 5 deliveries.</summary>
public sealed class QueueTriggerTests
{
    private readonly InvocationRecorder _recorder = new();

    [Fact]
    public async Task Poll_MessageSucceeds_HandledOnceAndDeleted()
    {
        // Arrange
        var (queue, poison) = await CreateQueuesAsync();
        await using var sut = await StartHostAsync(queue.Name);

        // Act
        await queue.SendMessageAsync(JsonSerializer.Serialize(new { run_id = "run-1" }));
        await _recorder.WaitUntilAsync(invocations => invocations.Count >= 1);
        await WaitUntilEmptyAsync(queue);
        await sut.DisposeAsync();

        // Assert
        var delivery = Assert.IsType<QueueMessage>(Assert.Single(_recorder.Invocations));
        Assert.Contains("run-1", delivery.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, delivery.DequeueCount);
        Assert.Empty((await poison.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Poll_MessageAlwaysFails_MovedToPoisonAfterExactlyFiveDeliveries()
    {
        // Arrange
        var (queue, poison) = await CreateQueuesAsync();
        var message = JsonSerializer.Serialize(new { behaviour = "fail", run_id = "run-2" });
        await using var sut = await StartHostAsync(queue.Name);

        // Act
        await queue.SendMessageAsync(message);
        var poisoned = await WaitForMessageAsync(poison);
        await sut.DisposeAsync();

        // Assert
        Assert.Equal(message, poisoned.MessageText);
        var deliveries = _recorder.Invocations.Cast<QueueMessage>().Select(delivery => delivery.DequeueCount).ToList();
        Assert.Equal([1, 2, 3, 4, 5], deliveries);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Poll_MessageNotBase64_MovedToPoisonWhileTheRestAreHandled()
    {
        // Arrange: another producer's raw JSON ahead of a proper message.
        var (queue, poison) = await CreateQueuesAsync();
        var foreign = new QueueClient((await AzuriteServer.Shared).ConnectionString, queue.Name,
            new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05) { MessageEncoding = QueueMessageEncoding.None });
        await foreign.SendMessageAsync("{\"type\":\"raw\"}");
        await using var sut = await StartHostAsync(queue.Name);

        // Act
        await queue.SendMessageAsync(JsonSerializer.Serialize(new { run_id = "run-3" }));
        var poisoned = await WaitForMessageAsync(poison);
        await _recorder.WaitUntilAsync(invocations => invocations.Count >= 1);
        await WaitUntilEmptyAsync(queue);
        await sut.DisposeAsync();

        // Assert
        Assert.Equal("{\"type\":\"raw\"}", poisoned.MessageText);
        Assert.Contains("run-3", Assert.IsType<QueueMessage>(Assert.Single(_recorder.Invocations)).Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_HandlerRunning_FinishesItAndDeletesMessage()
    {
        // Arrange
        var (queue, _) = await CreateQueuesAsync();
        var sut = await StartHostAsync(queue.Name);
        await queue.SendMessageAsync(JsonSerializer.Serialize(new { behaviour = "slow" }));
        await _recorder.WaitUntilAsync(invocations => invocations.Count >= 1);

        // Act: stop while the handler is still working.
        await sut.DisposeAsync();

        // Assert
        var delivery = Assert.IsType<QueueMessage>(_recorder.Invocations[0]);
        Assert.Equal([delivery, $"completed {delivery.MessageId}"], _recorder.Invocations);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private async Task<FunctionAppFactory> StartHostAsync(string queueName)
    {
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["Test:Queue"] = queueName;
        settings["Test:TimerSchedule"] = "0 0 3 * * *";
        settings["Queues:VisibilityTimeout"] = "00:00:00";
        settings["Queues:MaxPollingInterval"] = "00:00:00.200";
        var host = new FunctionAppFactory(appRoot, settings, services => services.AddSingleton(_recorder), [typeof(RecordingFunctions)]);
        host.CreateClient().Dispose();
        return host;
    }

    private static async Task<(QueueClient Queue, QueueClient Poison)> CreateQueuesAsync()
    {
        var storage = StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString);
        var queue = await storage.GetQueueAsync(AzuriteServer.UniqueName("work"));
        return (queue, await storage.GetQueueAsync(queue.Name + "-poison"));
    }

    private static async Task WaitUntilEmptyAsync(QueueClient queue)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((await queue.GetPropertiesAsync(timeout.Token)).Value.ApproximateMessagesCount > 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<QueueMessage> WaitForMessageAsync(QueueClient queue)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(1, cancellationToken: timeout.Token)).Value;
            if (messages.Length > 0)
            {
                return messages[0];
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
