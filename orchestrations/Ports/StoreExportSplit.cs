namespace CowansSync.Orchestrations.Ports;

/// <summary>A whole-store export split into a pull's batches.</summary>
/// <param name="Batches">How many batches.</param>
/// <param name="Products">How many products.</param>
/// <param name="LastUpdatedAt">The latest <c>updatedAt</c> among them; <see langword="null"/> for an empty store.</param>
public sealed record StoreExportSplit(int Batches, long Products, DateTimeOffset? LastUpdatedAt);
