using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CowansSync.Functions.Etilize;

/// <summary>The one retry pipeline of the Etilize FTP adapter (registered under <see cref="PipelineName"/>).</summary>
public static class EtilizeFtpResilience
{
    /// <summary>The pipeline's service key.</summary>
    public const string PipelineName = "etilize-ftp";

    /// <summary>Builds the pipeline: transient FTP replies, lost connections and stalled attempts are retried.</summary>
    /// <param name="timeProvider">The clock the delays run on.</param>
    /// <param name="baseDelay">The first backoff delay; each retry doubles it, with jitter. Default 2 s.</param>
    /// <param name="maxRetryAttempts">Retries after the first attempt. Default 5.</param>
    /// <param name="attemptTimeout">The limit on one attempt (a whole download). Default 30 min.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline Create(TimeProvider timeProvider, TimeSpan? baseDelay = null, int maxRetryAttempts = 5, TimeSpan? attemptTimeout = null) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            // outer: a busy or restarting server usually answers within a minute
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<EtilizeFtpException>(error => error.IsTransient)
                    .Handle<IOException>()
                    .Handle<TimeoutRejectedException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromSeconds(2),
                MaxDelay = TimeSpan.FromMinutes(1),
                MaxRetryAttempts = maxRetryAttempts,
            })
            // inner: a stalled transfer is abandoned and started again
            .AddTimeout(attemptTimeout ?? TimeSpan.FromMinutes(30))
            .Build();
}
