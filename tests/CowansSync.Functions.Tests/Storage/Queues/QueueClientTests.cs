using Azure;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Storage.Queues;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Storage.Queues;

public sealed class QueueClientTests
{
    [Fact]
    public async Task SendMessageAsync_Base64_TravelsAsBase64AndReadsBackAsText()
    {
        var (sut, raw) = await CreateSutAsync();
        const string text = """{"type":"split","sku":"O'BRIEN ® € ™"}""";

        await sut.SendMessageAsync(text);

        var peeked = (await raw.PeekMessagesAsync()).Value.Single();
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)), peeked.MessageText);
        var received = (await sut.ReceiveMessagesAsync()).Value.Single();
        Assert.Equal(text, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_NotBase64_ReturnsRawText()
    {
        var (sut, raw) = await CreateSutAsync();
        await raw.SendMessageAsync("not base64 <&>");

        var received = (await sut.ReceiveMessagesAsync()).Value.Single();

        Assert.Equal("not base64 <&>", received.MessageText);
    }

    [Fact]
    public async Task SendMessageAsync_VisibilityDelay_HidesMessageUntilDue()
    {
        var (sut, _) = await CreateSutAsync();

        await sut.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromHours(1));

        Assert.Empty((await sut.ReceiveMessagesAsync()).Value);
        Assert.Equal(1, (await sut.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task SendMessageAsync_TimeToLive_SetsExpiration()
    {
        var (sut, _) = await CreateSutAsync();

        var receipt = (await sut.SendMessageAsync("short-lived", timeToLive: TimeSpan.FromMinutes(5))).Value;
        var forever = (await sut.SendMessageAsync("kept", timeToLive: TimeSpan.MaxValue)).Value;

        Assert.InRange(receipt.ExpirationTime - receipt.InsertionTime, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
        Assert.True(forever.ExpirationTime - forever.InsertionTime > TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task SendMessageAsync_TooLarge_ThrowsBeforeSending()
    {
        var (sut, _) = await CreateSutAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sut.SendMessageAsync(new string('x', 50_000)));

        Assert.Contains("blob", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await sut.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_Batch_ReturnsUpToMax()
    {
        var (sut, _) = await CreateSutAsync();
        for (var i = 0; i < 40; i++)
        {
            await sut.SendMessageAsync($"m{i}");
        }

        var first = (await sut.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
        var rest = (await sut.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;

        Assert.Equal(32, first.Count);
        Assert.Equal(8, rest.Count);
        Assert.Equal(40, first.Concat(rest).Select(m => m.MessageText).Distinct().Count());
    }

    [Fact]
    public async Task ReceiveMessagesAsync_AfterVisibilityExpires_RedeliversWithHigherDequeueCount()
    {
        var (sut, _) = await CreateSutAsync();
        await sut.SendMessageAsync("retry me");

        var first = (await sut.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value.Single();
        Assert.Empty((await sut.ReceiveMessagesAsync()).Value);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = (await sut.ReceiveMessagesAsync()).Value.Single();

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(2, second.DequeueCount);
    }

    [Fact]
    public async Task DeleteMessageAsync_WithReceipt_RemovesMessage()
    {
        var (sut, _) = await CreateSutAsync();
        await sut.SendMessageAsync("done");
        var message = (await sut.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value.Single();

        await sut.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty((await sut.ReceiveMessagesAsync()).Value);
        Assert.Equal(0, (await sut.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task UpdateMessageAsync_ZeroVisibility_MakesVisibleWithNewTextAndStaleReceiptFails()
    {
        var (sut, _) = await CreateSutAsync();
        await sut.SendMessageAsync("v1");
        var message = (await sut.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value.Single();

        var update = (await sut.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.Zero, "v2")).Value;

        Assert.NotEqual(message.PopReceipt, update.PopReceipt);
        var again = (await sut.ReceiveMessagesAsync()).Value.Single();
        Assert.Equal("v2", again.MessageText);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => sut.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        Assert.True(stale.Status is 400 or 404, $"status {stale.Status}");
    }

    [Fact]
    public async Task PeekMessagesAsync_DoesNotDequeue()
    {
        var (sut, _) = await CreateSutAsync();
        await sut.SendMessageAsync("look");

        var peeked = (await sut.PeekMessagesAsync()).Value.Single();
        var received = (await sut.ReceiveMessagesAsync()).Value.Single();

        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_Succeeds_AndDeleteIfExistsReportsWhetherDeleted()
    {
        var (sut, _) = await CreateSutAsync();

        await sut.CreateIfNotExistsAsync();

        Assert.True((await sut.DeleteIfExistsAsync()).Value);
        Assert.False((await sut.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task GetPropertiesAsync_MissingQueue_ThrowsQueueNotFound()
    {
        var account = StorageAccount.Parse((await AzuriteServer.Shared).ConnectionString);
        var sut = new QueueClient(account, AzuriteServer.UniqueName("missing"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.GetPropertiesAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }

    private static async Task<(QueueClient Sut, QueueClient Raw)> CreateSutAsync()
    {
        var account = StorageAccount.Parse((await AzuriteServer.Shared).ConnectionString);
        var name = AzuriteServer.UniqueName("q");
        var sut = new QueueClient(account, name);
        await sut.CreateIfNotExistsAsync();
        return (sut, new QueueClient(account, name, encoding: QueueMessageEncoding.None));
    }
}
