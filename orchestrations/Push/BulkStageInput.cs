using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>The input of <see cref="StartBulkMutation"/>.</summary>
/// <param name="RunId">The push run.</param>
/// <param name="BatchIndex">The bulk batch.</param>
/// <param name="Stage">The stage to start.</param>
/// <param name="VariantsOperationId">For the products stage, the completed variants operation, or <see langword="null"/>.</param>
public sealed record BulkStageInput(string RunId, int BatchIndex, ShopifyBulkStage Stage, string? VariantsOperationId);
