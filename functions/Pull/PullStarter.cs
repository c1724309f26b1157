using System.Globalization;
using System.Security.Cryptography;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Pull;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Pull;

/// <summary>Starts <see cref="PullShopify"/> runs, their plan filled from <see cref="PullOptions"/> at the start so every replay decides the same.</summary>
/// <remarks>Idempotent by run id: an id that already has a run starts nothing and answers that run.</remarks>
public sealed class PullStarter(IOptions<PullOptions> options, TimeProvider time)
{
    /// <summary>A new run id for a pull asked for now.</summary>
    /// <returns>E.g. <c>pull-20261203101500-1a2b3c4d</c>.</returns>
    public string NewRunId() => string.Create(CultureInfo.InvariantCulture, $"pull-{time.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    /// <summary>Starts a pull unless a run with that id exists.</summary>
    /// <param name="client">The Durable client.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="settings">What to pull.</param>
    /// <param name="createdBy">Who starts it.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The run as it is now.</returns>
    public Task<WorkflowRun> StartAsync(DurableTaskClient client, string runId, PullSettings settings, string createdBy, CancellationToken cancellationToken)
        => client.StartRunAsync(nameof(PullShopify), runId, RequestOf(settings, createdBy), cancellationToken);

    /// <summary>The input of a pull, with the app's settings now.</summary>
    /// <param name="settings">What to pull.</param>
    /// <param name="createdBy">Who starts it.</param>
    /// <returns>The orchestration's input.</returns>
    public PullRequest RequestOf(PullSettings settings, string createdBy) => new(settings, createdBy, options.Value.ToPlan());
}
