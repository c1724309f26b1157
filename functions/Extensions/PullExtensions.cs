using CowansSync.Functions.Products;
using CowansSync.Functions.Pull;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Shopify;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Webhooks;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Pull;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Wires the Shopify pull — store → local catalog, versions and conflicts, as a Durable orchestration (<see cref="PullFunctions"/>) — and the webhooks that feed the same sync (<see cref="ShopifyWebhookApi"/>).</summary>
public static class PullExtensions
{
    /// <summary>Registers the pull's options, store reads, marks, sync and activities, and the webhooks' event log and subscriptions. Needs the Shopify client, the payload, staging, version and product stores.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddPullWorkflow(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PullOptions>().BindConfiguration(PullOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PullOptions>, PullOptionsValidator>();
        services.AddSingleton<IStorePull>(provider => new ShopifyStorePull(
            provider.GetRequiredService<ShopifyGraphQLClient>(),
            ShopifyBulkExport.WithCollections(
                provider.GetRequiredService<ShopifyGraphQLClient>(),
                // Result files come from signed URLs (no token); the timeout covers the response headers, not the streamed body.
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(2) },
                provider.GetRequiredService<ILogger<ShopifyBulkExport>>()),
            provider.GetRequiredService<IPayloadStore>()));
        services.AddSingleton<IPullMarks, PullMarkStore>();
        services.AddSingleton<IOpenChanges, OpenChangeIndex>();
        services.AddSingleton<CollectionStore>();
        services.AddSingleton<ICollectionAssociations>(provider => provider.GetRequiredService<CollectionStore>());
        services.AddSingleton(new PullPlanner(new ConflictDetector(new ConflictAutoResolver())));
        services.AddSingleton<PullSync>();
        services.AddSingleton<PullStarter>();
        services.AddSingleton<StartPullExport>();
        services.AddSingleton<SplitPullExport>();
        services.AddSingleton<PullExportBatch>();
        services.AddSingleton<PullPage>();
        services.AddSingleton<ReadPullMark>();
        services.AddSingleton<AdvancePullMark>();
        services.AddSingleton<ShopifyWebhookSubscriptions>();
        services.AddSingleton<WebhookEventLog>();
        return builder;
    }

    private sealed class PullOptionsValidator : IValidateOptions<PullOptions>
    {
        public ValidateOptionsResult Validate(string? name, PullOptions options)
        {
            var checks = new SettingChecks(PullOptions.Section);
            checks.Check(options.BatchSize is >= 1 and <= 2_500, nameof(options.BatchSize), "must be between 1 and 2500");
            checks.Check(options.ParallelBatches is >= 1 and <= 64, nameof(options.ParallelBatches), "must be between 1 and 64");
            checks.Check(options.ExportPollInterval >= TimeSpan.FromMilliseconds(10) && options.ExportPollInterval <= TimeSpan.FromMinutes(10), nameof(options.ExportPollInterval), "must be between 00:00:00.010 and 00:10:00");
            checks.Check(options.ActivityAttempts is >= 1 and <= 10, nameof(options.ActivityAttempts), "must be between 1 and 10");
            checks.Check(options.ActivityRetryInterval > TimeSpan.Zero && options.ActivityRetryInterval <= TimeSpan.FromMinutes(10), nameof(options.ActivityRetryInterval), "must be between 00:00:00 (exclusive) and 00:10:00");
            checks.Check(NCrontab.CrontabSchedule.TryParse(options.Schedule, new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null, nameof(options.Schedule), "must be an NCRONTAB expression with seconds, e.g. 0 0 * * * *");
            return checks.Result;
        }
    }
}
