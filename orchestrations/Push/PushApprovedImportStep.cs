using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// The <c>approval</c> event lets an import run go on: its approved changes are pushed. An event raised while the
/// import is still staging is kept; <see cref="FinishImportStep"/> sends this message again once staging is done.
/// </summary>
/// <remarks>Idempotent: the push run's id follows from the import run and the event, and starting it is idempotent.</remarks>
public sealed class PushApprovedImportStep(IRunStore runs, PushWorkflow push) : IWorkflowStep<PushApprovedImportMessage>
{
    /// <summary>The external event that approves an import run's changes for the store.</summary>
    public const string ApprovalEvent = "approval";

    /// <summary>The push run an approval event starts.</summary>
    /// <param name="importRunId">The import run.</param>
    /// <param name="eventId">The event.</param>
    /// <returns>The push run's id.</returns>
    public static string PushRunIdOf(string importRunId, string eventId) => $"push-{importRunId}-{eventId}";

    /// <inheritdoc />
    public async Task RunAsync(PushApprovedImportMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var run = await runs.GetAsync(message.RunId, cancellationToken);
        if (run is not { Kind: ImportPhases.Kind } || run.Phase is not (ImportPhases.AwaitingApproval or ImportPhases.Done) || run.Status == RunStatus.Cancelled)
        {
            return;
        }

        var approval = (await runs.ListEventsAsync(run.RunId, cancellationToken)).FirstOrDefault(e => e.Name == ApprovalEvent && e.EventId == message.EventId);
        if (approval is null)
        {
            return;
        }

        await push.StartAsync(PushRunIdOf(run.RunId, approval.EventId), new PushSettings(run.RunId, null, $"approval of {run.RunId}"), approval.RaisedBy, cancellationToken);
    }
}
