using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>What to do with one change, given the store as re-read just before the write.</summary>
public abstract record PushDecision
{
    private PushDecision()
    {
    }

    /// <summary>Write: a create (<see cref="Update"/> is <see langword="null"/>) or the fields still as staged.</summary>
    /// <param name="Update">The update, or <see langword="null"/> for a create.</param>
    public sealed record Write(ShopifyUpdate? Update) : PushDecision;

    /// <summary>The store already holds the proposed values (an earlier attempt got through): record it as applied.</summary>
    /// <param name="Product">The store's product, with its ids.</param>
    public sealed record AlreadyApplied(StoreProduct Product) : PushDecision;

    /// <summary>The store moved since staging: do not overwrite.</summary>
    /// <param name="Conflicts">The fields that moved.</param>
    /// <param name="Reason">What moved, in words.</param>
    public sealed record Conflict(IReadOnlyList<FieldConflict> Conflicts, string Reason) : PushDecision;

    /// <summary>The change cannot be pushed at all (e.g. a delete).</summary>
    /// <param name="Reason">Why.</param>
    public sealed record Refuse(string Reason) : PushDecision;
}
