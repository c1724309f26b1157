namespace CowansSync.Orchestrations.Push;

/// <summary>The changes a push selected, as batches written to the payload store.</summary>
/// <param name="Total">Changes selected.</param>
/// <param name="BatchSize">Changes per batch (the last may hold fewer).</param>
/// <param name="Bulk">Whether the batches take the bulk path.</param>
public sealed record SelectedChanges(int Total, int BatchSize, bool Bulk)
{
    /// <summary>How many batches there are.</summary>
    public int BatchCount => Total == 0 ? 0 : ((Total - 1) / BatchSize) + 1;

    /// <summary>How many changes one batch holds.</summary>
    /// <param name="batchIndex">The batch, from 0.</param>
    /// <returns>Its size.</returns>
    public int SizeOf(int batchIndex) => Math.Min(BatchSize, Total - (batchIndex * BatchSize));
}
