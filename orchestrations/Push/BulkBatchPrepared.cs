namespace CowansSync.Orchestrations.Push;

/// <summary>A bulk batch, prepared: what was recorded already, and how many writes are left for its bulk mutations and one by one.</summary>
/// <param name="Recorded">Changes already applied, conflicting, refused or not in a state to push.</param>
/// <param name="BulkWrites">Updates for the bulk mutations.</param>
/// <param name="OneByOneWrites">Writes bulk mutations cannot do (creates, stock, collections).</param>
public sealed record BulkBatchPrepared(PushBatchResult Recorded, int BulkWrites, int OneByOneWrites);
