using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Stages the change that undoes an applied one (<see cref="RollbackPlan.For"/>): its before-image, approved. The API
/// runs the same check before it starts the rollback, so a refusal here means the change moved in between.
/// </summary>
/// <remarks>
/// Idempotent: the rollback change's id follows from the run, SKU and direction, and staging inserts it only if
/// absent; a repeat (which comes before its push starts) finds the change still applied and stages the same id.
/// </remarks>
public sealed class StageRollback(IStagedChangeStore staged) : TaskActivity<RollbackRequest, StagedRollback>
{
    /// <inheritdoc />
    public override async Task<StagedRollback> RunAsync(TaskActivityContext context, RollbackRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await staged.GetAsync(input.ChangeId, CancellationToken.None) is not { } applied)
        {
            return new StagedRollback(null, $"No staged change has the id '{input.ChangeId}'.");
        }

        var rollback = RollbackPlan.For(applied, input.RunId, input.Review);
        if (!rollback.Succeeded)
        {
            return new StagedRollback(null, rollback.Refusal);
        }

        await staged.StageAsync([rollback.Change], CancellationToken.None);
        return new StagedRollback(rollback.Change.ChangeId, null);
    }
}
