using CowansSync.Functions.Push;
using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Push;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Wires the push and the rollback: approved changes → Shopify → versions, as Durable orchestrations (<see cref="PushFunctions"/>).</summary>
public static class PushExtensions
{
    /// <summary>Registers the push's options, domain services, activities and starter. Needs the Shopify write side, the payload, staging, version and product stores.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddPushWorkflow(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PushOptions>, PushOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PushOptions>>().Value);
        services.AddSingleton(new PushPlanner(new ConflictDetector(new ConflictAutoResolver())));
        services.AddSingleton<AppliedChanges>();
        services.AddSingleton<ChangeWriter>();
        services.AddSingleton<BatchPusher>();
        services.AddSingleton<PushStarter>();
        services.AddSingleton<SelectChanges>();
        services.AddSingleton<PushBatch>();
        services.AddSingleton<StartStoreExport>();
        services.AddSingleton<PrepareBulkBatch>();
        services.AddSingleton<StartBulkMutation>();
        services.AddSingleton<CheckBulkOperation>();
        services.AddSingleton<FinishBulkBatch>();
        services.AddSingleton<StageRollback>();
        return builder;
    }

    private sealed class PushOptionsValidator : IValidateOptions<PushOptions>
    {
        public ValidateOptionsResult Validate(string? name, PushOptions options)
        {
            var checks = new SettingChecks(PushOptions.Section);
            checks.Check(options.BatchSize is >= 1 and <= 250, nameof(options.BatchSize), "must be between 1 and 250");
            checks.Check(options.BulkThreshold >= 0, nameof(options.BulkThreshold), "must be 0 or more");
            checks.Check(options.BulkBatchSize is >= 1 and <= 100_000, nameof(options.BulkBatchSize), "must be between 1 and 100000");
            checks.Check(options.MaxAttempts is >= 1 and <= 10, nameof(options.MaxAttempts), "must be between 1 and 10");
            checks.Check(options.ParallelBatches is >= 1 and <= 64, nameof(options.ParallelBatches), "must be between 1 and 64");
            checks.Check(options.BulkPollInterval >= TimeSpan.FromMilliseconds(10) && options.BulkPollInterval <= TimeSpan.FromMinutes(10), nameof(options.BulkPollInterval), "must be between 00:00:00.010 and 00:10:00");
            checks.Check(options.BulkTimeout > options.BulkPollInterval && options.BulkTimeout <= TimeSpan.FromDays(1), nameof(options.BulkTimeout), "must be longer than BulkPollInterval and at most 1.00:00:00");
            checks.Check(options.ActivityAttempts is >= 1 and <= 10, nameof(options.ActivityAttempts), "must be between 1 and 10");
            checks.Check(options.ActivityRetryInterval > TimeSpan.Zero && options.ActivityRetryInterval <= TimeSpan.FromMinutes(10), nameof(options.ActivityRetryInterval), "must be between 00:00:00 (exclusive) and 00:10:00");
            return checks.Result;
        }
    }
}
