using OpenTelemetry.Metrics;
using Microsoft.Azure.Functions.Worker;
namespace CowansSync.Functions.Extensions;

/// <summary>Logging as JSON lines on stdout, which the Functions host forwards to Application Insights.</summary>
public static class LoggingExtensions
{
    /// <summary>Replaces the default console format with one JSON object per line, scopes included (function name, invocation id, run id).</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddJsonLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();

        // A line per request start and end drowns the app's own logs; the Functions host records requests anyway.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.JsonWriterOptions = new() { Indented = false };
        });
        return builder;
    }

    /// <summary>
    /// Under the Functions host: the worker's own telemetry to Application Insights (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>,
    /// with Entra auth when <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names the identity), so its logs reach the
    /// portal with their scopes (function, invocation, run id) as dimensions, not only through the host's relay; and
    /// the app's own metrics (<see cref="Hosting.SyncMeter"/>).
    /// </summary>
    /// <param name="builder">The Functions app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddWorkerApplicationInsights(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(Hosting.SyncMeter.Name));
        return builder;
    }
}
