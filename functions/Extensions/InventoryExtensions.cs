using CowansSync.Functions.Inventory;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Xorosoft;
using CowansSync.Orchestrations.Inventory;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Wires the Xorosoft inventory sync — Xorosoft's stock → staged changes → the store, as a Durable orchestration (<see cref="InventoryFunctions"/>).</summary>
public static class InventoryExtensions
{
    /// <summary>Registers the sync's options, stock reads, alerts, starter and activities. Needs the Xorosoft mirror, the payload, product, staging and rule stores, the notifier and the push.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddInventoryWorkflow(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<InventoryOptions>().BindConfiguration(InventoryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InventoryOptions>, InventoryOptionsValidator>();
        services.AddSingleton<IXorosoftStock, XorosoftStock>();
        services.AddSingleton<StockAlertStore>();
        services.AddSingleton<IStockAlerts>(provider => provider.GetRequiredService<StockAlertStore>());
        services.AddSingleton<InventoryStarter>();
        services.AddSingleton<PlanInventorySync>();
        services.AddSingleton<StageInventoryBatch>();
        return builder;
    }

    private sealed class InventoryOptionsValidator : IValidateOptions<InventoryOptions>
    {
        public ValidateOptionsResult Validate(string? name, InventoryOptions options)
        {
            var checks = new SettingChecks(InventoryOptions.Section);
            checks.Check(options.BatchSize is >= 1 and <= 1_000, nameof(options.BatchSize), "must be between 1 and 1000");
            checks.Check(options.ParallelBatches is >= 1 and <= 64, nameof(options.ParallelBatches), "must be between 1 and 64");
            checks.Check(options.OutOfStockThreshold >= 0, nameof(options.OutOfStockThreshold), "must be 0 or more");
            checks.Check(options.ActivityAttempts is >= 1 and <= 10, nameof(options.ActivityAttempts), "must be between 1 and 10");
            checks.Check(options.ActivityRetryInterval > TimeSpan.Zero && options.ActivityRetryInterval <= TimeSpan.FromMinutes(10), nameof(options.ActivityRetryInterval), "must be between 00:00:00 (exclusive) and 00:10:00");
            checks.Check(NCrontab.CrontabSchedule.TryParse(options.Schedule, new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null, nameof(options.Schedule), "must be an NCRONTAB expression with seconds, e.g. 0 */30 * * * *");
            return checks.Result;
        }
    }
}
