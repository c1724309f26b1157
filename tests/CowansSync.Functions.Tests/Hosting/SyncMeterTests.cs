using System.Diagnostics.Metrics;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Shopify;

namespace CowansSync.Functions.Tests.Hosting;

/// <summary>The <c>CowansSync</c> meter, as an exporter listens to it.</summary>
public sealed class SyncMeterTests
{
    [Fact]
    public void Counters_ShopifySpendAndAnImportBatch_AreMeasuredWithTheirOutcome()
    {
        var measured = new List<(string Instrument, long Value, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == SyncMeter.Name)
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (measured)
            {
                measured.Add((instrument.Name, value, tags.ToArray().Where(tag => tag.Key == "outcome").Select(tag => tag.Value as string).FirstOrDefault()));
            }
        });
        listener.Start();
        var counters = new ShopifyRequestCounters();

        var empty = $"none_{Guid.NewGuid():N}";
        counters.AddRequest();
        counters.AddThrottled();
        counters.AddCost(12.4);
        SyncMeter.RecordImportBatch(new Dictionary<string, long> { ["updated_products"] = 7, [empty] = 0 });

        // Other tests may measure at the same time: look for this test's values.
        lock (measured)
        {
            Assert.Contains(("cowanssync.shopify.requests", 1L, (string?)null), measured);
            Assert.Contains(("cowanssync.shopify.throttled", 1L, (string?)null), measured);
            Assert.Contains(("cowanssync.shopify.cost_points", 12L, (string?)null), measured);
            Assert.Contains(("cowanssync.import.rows", 7L, "updated_products"), measured);
            Assert.DoesNotContain(measured, measurement => measurement.Outcome == empty);
        }
    }
}
