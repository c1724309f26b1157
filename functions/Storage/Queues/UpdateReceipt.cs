namespace CowansSync.Functions.Storage.Queues;

/// <summary>The result of updating a received message.</summary>
/// <param name="PopReceipt">The new receipt; the old one no longer works.</param>
/// <param name="NextVisibleOn">When the message becomes visible again.</param>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
