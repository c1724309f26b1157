using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Hosting.CustomHandler;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Work;

namespace CowansSync.Functions.Extensions;

/// <summary>Wires the two hosting modes around one set of function handlers.</summary>
public static partial class FunctionHostingExtensions
{
    /// <summary>
    /// Detects the hosting mode; in custom-handler mode binds Kestrel to the host's loopback port, in standalone mode
    /// reads <c>local.settings.json</c> and runs the triggers itself. Registers the catalog, the invoker and the functions.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddFunctionHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mode = HostingMode.Detect(builder.Configuration);
        if (mode.CustomHandlerPort is { } port)
        {
            // Only the Functions host, on the same machine, may reach the invocation routes.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }
        else
        {
            builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
        }

        var services = builder.Services;
        services.AddSingleton(mode);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FunctionAppOptions>().BindConfiguration(FunctionAppOptions.Section);
        services.AddSingleton<FunctionCatalog>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<TimerRunLog>();
        services.AddQueueFunction<SyncWorkFunction>(FunctionNames.SyncWork);
        if (!mode.IsCustomHandler)
        {
            services.AddSingleton<TimerLocks>();
            services.AddHostedService<TimerTriggerService>();
            services.AddHostedService<QueueTriggerService>();
        }

        return builder;
    }

    /// <summary>Loads the function catalog; in custom-handler mode, maps the host's readiness and invocation routes.</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapFunctionHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Resolving the catalog reads and checks every definition now: a bad one stops the app at start in either mode.
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        var mode = app.Services.GetRequiredService<HostingMode>();
        if (mode.IsCustomHandler)
        {
            app.MapCustomHandlerApi(catalog);
        }

        LogHosting(app.Logger, mode.Name, string.Join(", ", catalog.Definitions.Select(d => $"{d.Name} ({d.Trigger.GetType().Name})")));

        return app;
    }

    [LoggerMessage(1, LogLevel.Information, "Hosting mode {HostingMode}; functions: {Functions}")]
    private static partial void LogHosting(ILogger logger, string hostingMode, string functions);
}
