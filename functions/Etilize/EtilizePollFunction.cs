using CowansSync.Functions.Settings;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Etilize;

/// <summary>The <c>EtilizePoll</c> timer: imports the newest new Etilize file, if there is one.</summary>
public sealed partial class EtilizePollFunction(IServiceProvider services, IOptions<EtilizeOptions> options, ILogger<EtilizePollFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "EtilizePoll";

    /// <summary>Polls the FTP server once, on the schedule <c>Etilize__PollSchedule</c>.</summary>
    /// <param name="timer">The occurrence (unused: every occurrence polls the same way).</param>
    /// <param name="client">Starts the import.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the poll is done.</returns>
    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%Etilize__PollSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.Host))
        {
            LogNotConfigured();
            return;
        }

        var run = await services.GetRequiredService<EtilizeImportStarter>().PollAsync(client, cancellationToken);
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
