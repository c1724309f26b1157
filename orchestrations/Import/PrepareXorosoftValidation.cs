using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// Brings Xorosoft's local copy up to date and ready (<see cref="IXorosoftCatalog.PrepareAsync"/>) while the file is
/// split and the store exported, so the first batches do not wait for it; the input is the run's id.
/// </summary>
/// <remarks>Idempotent: a repeat finds the copy fresh and ready.</remarks>
public sealed class PrepareXorosoftValidation(IXorosoftCatalog xorosoft) : TaskActivity<string, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        await xorosoft.PrepareAsync(CancellationToken.None);
        return true;
    }
}
