using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CowansSync.Functions.Extensions;

/// <summary>Wires what the orchestrations share (claim checks, notifications, bulk operation waits) and the import's activities.</summary>
public static class WorkflowExtensions
{
    /// <summary>Registers the adapters the orchestrations share.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddWorkflows(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IPayloadStore, BlobPayloadStore>();
        services.AddTransient<NotifyRun>();
        services.AddSingleton<BulkOperationWaiters>();
        services.AddSingleton<IBulkOperationWaiters>(provider => provider.GetRequiredService<BulkOperationWaiters>());
        services.AddTransient<WatchBulkOperation>();
        services.AddOptions<RunRetentionOptions>().BindConfiguration(RunRetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RunRetentionOptions>, RunRetentionOptionsValidator>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        // Each attempt may take 10 s; the retries back off from 1 s, so a receiver that is briefly down is reached.
        services.AddHttpClient<IRunNotifier, RunNotifier>(http => http.Timeout = TimeSpan.FromMinutes(2))
            .AddResilienceHandler("notifications", (pipeline, context) =>
            {
                var attempts = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value.MaxAttempts;
                pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = attempts - 1, BackoffType = DelayBackoffType.Exponential, Delay = TimeSpan.FromSeconds(1) });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });
        return builder;
    }

    /// <summary>Registers the catalog import's activities and the starter the Etilize poll and the API use.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddImportWorkflow(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImportOptions>, ImportOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ImportOptions>>().Value);
        services.AddSingleton<EtilizeImportStarter>();
        services.AddTransient<SplitCatalog>();
        services.AddTransient<PrepareXorosoftValidation>();
        services.AddTransient<StartStoreSnapshot>();
        services.AddTransient<LoadStoreSnapshot>();
        services.AddTransient<StageBatch>();
        services.AddTransient<CountPendingChanges>();
        return builder;
    }

    private sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
    {
        public ValidateOptionsResult Validate(string? name, NotificationOptions options)
        {
            var checks = new SettingChecks(NotificationOptions.Section);
            checks.Check(options.WebhookUrl is null || (options.WebhookUrl.IsAbsoluteUri && options.WebhookUrl.Scheme is "http" or "https"),
                nameof(options.WebhookUrl), "must be an absolute http(s) URL");
            checks.Check(options.MaxAttempts is >= 1 and <= 10, nameof(options.MaxAttempts), "must be between 1 and 10");
            return checks.Result;
        }
    }

    private sealed class RunRetentionOptionsValidator : IValidateOptions<RunRetentionOptions>
    {
        public ValidateOptionsResult Validate(string? name, RunRetentionOptions options)
        {
            var checks = new SettingChecks(RunRetentionOptions.Section);
            checks.Check(options.Retention >= TimeSpan.FromHours(1), nameof(options.Retention), "must be at least 01:00:00");
            return checks.Result;
        }
    }

    private sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
    {
        public ValidateOptionsResult Validate(string? name, ImportOptions options)
        {
            var checks = new SettingChecks(ImportOptions.Section);
            checks.Check(options.BatchSize is >= 1 and <= 1000, nameof(options.BatchSize), "must be between 1 and 1000");
            checks.Check(options.BatchesPerChunk is >= 1 and <= 500, nameof(options.BatchesPerChunk), "must be between 1 and 500 (one sub-orchestration's history)");
            checks.Check(options.ParallelChunks is >= 1 and <= 64, nameof(options.ParallelChunks), "must be between 1 and 64");
            checks.Check(options.ParallelBatches is >= 1 and <= 64, nameof(options.ParallelBatches), "must be between 1 and 64");
            checks.Check(options.ApprovalTimeout > TimeSpan.Zero, nameof(options.ApprovalTimeout), "must be positive, e.g. 7.00:00:00");
            checks.Check(options.MaxListedErrors is >= 0 and <= 200, nameof(options.MaxListedErrors), "must be between 0 and 200");
            checks.Check(options.StoreSnapshotThreshold >= 0, nameof(options.StoreSnapshotThreshold), "must be 0 or more");
            checks.Check(options.StoreSnapshotPollInterval >= TimeSpan.FromMilliseconds(100) && options.StoreSnapshotPollInterval <= TimeSpan.FromHours(1),
                nameof(options.StoreSnapshotPollInterval), "must be between 00:00:00.1 and 01:00:00");
            return checks.Result;
        }
    }
}
