namespace CowansSync.Orchestrations.Ports;

/// <summary>A bulk operation's state when last asked.</summary>
/// <param name="State">Running, completed or failed.</param>
/// <param name="Error">Why it failed, for people; <see langword="null"/> unless <see cref="ShopifyBulkState.Failed"/>.</param>
public sealed record ShopifyBulkCheck(ShopifyBulkState State, string? Error = null);
