using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CowansSync.Functions.Xorosoft;

/// <summary>The one retry pipeline every Xorosoft request goes through (registered under <see cref="PipelineName"/>).</summary>
public static class XorosoftResilience
{
    /// <summary>The pipeline's service key.</summary>
    public const string PipelineName = "xorosoft";

    /// <summary>Builds the pipeline: retries of throttled answers, 5xx, transport failures and per-attempt timeouts.</summary>
    /// <param name="timeProvider">The clock the delays run on.</param>
    /// <param name="baseDelay">The first backoff delay; each retry doubles it, with jitter. Default 500 ms.</param>
    /// <param name="maxRetryAttempts">Retries after the first attempt. Default 6.</param>
    /// <param name="attemptTimeout">The limit on one attempt. Default 90 s (a 500-product page can take over a minute).</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline Create(TimeProvider timeProvider, TimeSpan? baseDelay = null, int maxRetryAttempts = 6, TimeSpan? attemptTimeout = null) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            // outer: the throttle clears within seconds, so a handful of doubling waits rides it out
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<XorosoftTransientException>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(20),
                MaxRetryAttempts = maxRetryAttempts,
            })
            // inner: one attempt may not hang the batch
            .AddTimeout(attemptTimeout ?? TimeSpan.FromSeconds(90))
            .Build();
}
