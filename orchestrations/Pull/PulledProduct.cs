using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Pull;

/// <summary>What a pull does with one store product (<see cref="PullPlanner"/>).</summary>
/// <param name="Sku">The product.</param>
/// <param name="Local">The local product to save with a new version, or <see langword="null"/> when the local catalog already holds the store's values.</param>
/// <param name="IsNew">Whether the local catalog did not have the product.</param>
/// <param name="ChangedFields">API names of the fields the store changed (every pulled field for a new product).</param>
/// <param name="Conflicts">Open changes whose proposals the store's values contradict, by change id, with the fields in conflict.</param>
public sealed record PulledProduct(
    Sku Sku,
    Product? Local,
    bool IsNew,
    IReadOnlyList<string> ChangedFields,
    IReadOnlyDictionary<string, IReadOnlyList<FieldConflict>> Conflicts);
