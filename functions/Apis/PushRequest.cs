namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/sync/shopify/push</c>.</summary>
/// <param name="BatchId">The staging run whose approved changes to push.</param>
/// <param name="ChangeIds">Or the changes to push (1 to 1,000).</param>
/// <param name="BatchName">A name for people, optional.</param>
/// <param name="Confirm">Must be <see langword="true"/>: a push writes to the live store.</param>
public sealed record PushRequest(string? BatchId, IReadOnlyList<string?>? ChangeIds, string? BatchName, bool? Confirm);
