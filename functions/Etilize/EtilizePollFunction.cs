using CowansSync.Functions.Hosting;
using CowansSync.Functions.Settings;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Etilize;

/// <summary>The <c>EtilizePoll</c> timer: imports the newest new Etilize file, if there is one.</summary>
public sealed partial class EtilizePollFunction(IServiceProvider services, IOptions<EtilizeOptions> options, ILogger<EtilizePollFunction> logger) : ITimerFunction
{
    /// <inheritdoc />
    public async Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.Host))
        {
            LogNotConfigured();
            return;
        }

        var run = await services.GetRequiredService<EtilizeImportStarter>().PollAsync(cancellationToken);
        if (run is null)
        {
            LogNothingNew();
        }
        else
        {
            LogStarted(run.RunId);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Etilize is not configured (Etilize__Host); nothing to poll")]
    private partial void LogNotConfigured();

    [LoggerMessage(2, LogLevel.Information, "No new Etilize file")]
    private partial void LogNothingNew();

    [LoggerMessage(3, LogLevel.Information, "Started import run {RunId}")]
    private partial void LogStarted(string runId);
}
