using CowansSync.Functions.Settings;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Push;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Wires the push workflow: approved changes → Shopify → versions.</summary>
public static class PushExtensions
{
    /// <summary>Registers the push workflow and its steps. Needs the Shopify write side, the staging, version and product stores.</summary>
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
        services.AddSingleton<PushWorkflow>();
        services.AddWorkflowStep<SelectChangesStep, SelectChangesMessage>(SelectChangesMessage.MessageType);
        services.AddWorkflowStep<PushBatchStep, PushBatchMessage>(PushBatchMessage.MessageType);
        services.AddWorkflowStep<FinishPushStep, FinishPushMessage>(FinishPushMessage.MessageType);
        services.AddWorkflowStep<PushApprovedImportStep, PushApprovedImportMessage>(PushApprovedImportMessage.MessageType);
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
            return checks.Result;
        }
    }
}
