using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>A write decided while a bulk batch was prepared, kept until its bulk mutations are done.</summary>
/// <param name="ChangeId">The change, applying.</param>
/// <param name="Update">The fields to write; <see langword="null"/> for a create.</param>
public sealed record PreparedWrite(string ChangeId, ShopifyUpdate? Update);
