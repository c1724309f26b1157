using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Wires the workflow machinery (runs, step queue, claim checks, notifications) and the workflows on it.</summary>
public static class WorkflowExtensions
{
    /// <summary>Registers the workflow machinery's adapters.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddWorkflows(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IRunStore, TableRunStore>();
        services.AddSingleton<IStepScheduler, QueueStepScheduler>();
        services.AddSingleton<IPayloadStore, BlobPayloadStore>();
        services.AddSingleton<PoisonRedriver>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddHttpClient<IRunNotifier, RunNotifier>(http => http.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }

    /// <summary>Registers the catalog import workflow, its steps and the starter the Etilize poll calls.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddImportWorkflow(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImportOptions>, ImportOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ImportOptions>>().Value);
        services.AddSingleton<ImportWorkflow>();
        services.AddSingleton<EtilizeImportStarter>();
        services.AddWorkflowStep<SplitCatalogStep, SplitCatalogMessage>(SplitCatalogMessage.MessageType);
        services.AddWorkflowStep<SnapshotStoreStep, SnapshotStoreMessage>(SnapshotStoreMessage.MessageType);
        services.AddWorkflowStep<StageBatchStep, StageBatchMessage>(StageBatchMessage.MessageType);
        services.AddWorkflowStep<FinishImportStep, FinishImportMessage>(FinishImportMessage.MessageType);
        services.AddWorkflowStep<ApprovalTimeoutStep, ApprovalTimeoutMessage>(ApprovalTimeoutMessage.MessageType);
        return builder;
    }

    private sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
    {
        public ValidateOptionsResult Validate(string? name, NotificationOptions options)
        {
            var checks = new SettingChecks(NotificationOptions.Section);
            checks.Check(options.WebhookUrl is null || (options.WebhookUrl.IsAbsoluteUri && options.WebhookUrl.Scheme is "http" or "https"),
                nameof(options.WebhookUrl), "must be an absolute http(s) URL");
            return checks.Result;
        }
    }

    private sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
    {
        public ValidateOptionsResult Validate(string? name, ImportOptions options)
        {
            var checks = new SettingChecks(ImportOptions.Section);
            checks.Check(options.BatchSize is >= 1 and <= 100, nameof(options.BatchSize), "must be between 1 and 100 (one table transaction)");
            checks.Check(options.ApprovalTimeout > TimeSpan.Zero, nameof(options.ApprovalTimeout), "must be positive, e.g. 7.00:00:00");
            checks.Check(options.MaxListedErrors is >= 0 and <= 200, nameof(options.MaxListedErrors), "must be between 0 and 200");
            checks.Check(options.StoreSnapshotThreshold >= 0, nameof(options.StoreSnapshotThreshold), "must be 0 or more");
            checks.Check(options.StoreSnapshotPollInterval >= TimeSpan.FromMilliseconds(100) && options.StoreSnapshotPollInterval <= TimeSpan.FromHours(1),
                nameof(options.StoreSnapshotPollInterval), "must be between 00:00:00.1 and 01:00:00");
            return checks.Result;
        }
    }
}
