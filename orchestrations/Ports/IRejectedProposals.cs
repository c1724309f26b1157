using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Ports;

/// <summary>
/// Proposals a reviewer rejected, by <see cref="ProposalFingerprint"/>, so a later import that proposes the same values
/// again does not stage them again; reopening the change forgets its rejection.
/// </summary>
/// <remarks>Every write is idempotent: remembering writes the same row again, forgetting an absent row does nothing.</remarks>
public interface IRejectedProposals
{
    /// <summary>Remembers a rejected change's proposal.</summary>
    /// <param name="rejected">The change, rejected.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when it is remembered.</returns>
    Task RememberAsync(StagedChange rejected, CancellationToken cancellationToken);

    /// <summary>Forgets the rejection a change left, so an import may stage its proposal again.</summary>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when it is forgotten.</returns>
    Task ForgetAsync(StagedChange change, CancellationToken cancellationToken);

    /// <summary>Which of these proposals were rejected, and by which change.</summary>
    /// <param name="fingerprints">Proposals' fingerprints.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The rejected ones: fingerprint → the id of the change a reviewer rejected.</returns>
    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken);
}
