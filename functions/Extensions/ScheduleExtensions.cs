using CowansSync.Functions.Etilize;
using CowansSync.Functions.Schedules;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Schedules;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Wires sync schedules — stored steps run in order on a cron schedule, as a Durable orchestration (<see cref="ScheduleFunctions"/>).</summary>
public static class ScheduleExtensions
{
    /// <summary>Registers the schedules' options, store, starter and file claim. Needs the import, push, pull and inventory workflows.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddSchedules(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddSingleton<SyncScheduleStore>();
        services.AddSingleton<ScheduledSyncStarter>();
        services.AddSingleton<IEtilizeDropClaims, EtilizeDropClaims>();
        services.AddSingleton<ClaimEtilizeDrop>();
        return builder;
    }

    private sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
        {
            var checks = new Settings.SettingChecks(ScheduleOptions.Section);
            checks.Check(options.MissedRunWindow >= TimeSpan.Zero && options.MissedRunWindow <= TimeSpan.FromDays(31), nameof(options.MissedRunWindow), "must be between 00:00:00 and 31.00:00:00");
            checks.Check(options.ActivityAttempts is >= 1 and <= 10, nameof(options.ActivityAttempts), "must be between 1 and 10");
            return checks.Result;
        }
    }
}
