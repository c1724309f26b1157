using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CowansSync.Functions.Shopify;

/// <summary>The one resilience pipeline of Admin API calls, <see cref="PipelineName"/>.</summary>
internal static class ShopifyResilience
{
    /// <summary>The pipeline's name (telemetry).</summary>
    public const string PipelineName = "shopify-graphql";

    /// <summary>
    /// Retries THROTTLED, 429, 5xx, connection failures and attempt timeouts: 8 retries, exponential from 250 ms
    /// with jitter, at most 10 s apart. The cost bucket already waits for restored points before every attempt,
    /// so the backoff only matters when Shopify throttles although the bucket looked full.
    /// </summary>
    /// <param name="timeProvider">The clock the delays and timeouts run on.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline Create(TimeProvider timeProvider) => new ResiliencePipelineBuilder { Name = PipelineName, TimeProvider = timeProvider }
        // outer: retry with jittered exponential backoff
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ShopifyTransientException>().Handle<HttpRequestException>().Handle<TimeoutRejectedException>(),
            MaxRetryAttempts = 8,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(10),
            UseJitter = true,
        })
        // inner: each attempt gets 30 s
        .AddTimeout(TimeSpan.FromSeconds(30))
        .Build();
}
