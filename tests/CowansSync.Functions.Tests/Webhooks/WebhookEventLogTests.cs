using CowansSync.Functions.Tests.Storage;
using CowansSync.Functions.Webhooks;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Webhooks;

/// <summary>The webhook events taken, on a real Azurite.</summary>
public sealed class WebhookEventLogTests
{
    [Fact]
    public async Task PurgeAsync_RetentionShorterThanShopifysRetries_KeepsTheEventsOfTheLast48Hours()
    {
        // Arrange
        var sut = new WebhookEventLog(await AzuriteStorage.ClientsAsync(), TimeProvider.System);
        var eventId = AzuriteServer.UniqueName("event");
        await sut.RecordAsync(eventId, "products/update", CancellationToken.None);

        // Act: a cut-off after the event was taken, as a retention of minutes would give.
        await sut.PurgeAsync(TimeProvider.System.GetUtcNow().AddMinutes(1), CancellationToken.None);

        // Assert: Shopify may still redeliver it.
        Assert.True(await sut.WasTakenAsync(eventId, CancellationToken.None));
    }
}
