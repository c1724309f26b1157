namespace CowansSync.Orchestrations.Ports;

/// <summary>Claims Etilize files for import runs (the FTP server, the copy in storage, the record of what was imported).</summary>
public interface IEtilizeDropClaims
{
    /// <summary>
    /// Copies the newest new Etilize file to storage and claims it for <paramref name="runId"/>; a repeat for the same
    /// run answers the file it claimed.
    /// </summary>
    /// <param name="runId">The import run that will read it.</param>
    /// <param name="cancellationToken">Stops the copy.</param>
    /// <returns>The file, or <see langword="null"/> when there is nothing new (or another run claimed it first).</returns>
    Task<ClaimedDrop?> ClaimNewestAsync(string runId, CancellationToken cancellationToken);
}

/// <summary>An Etilize file copied to storage and claimed for a run.</summary>
/// <param name="DropPath">The copy, <c>container/name</c>.</param>
/// <param name="FileName">The file's name on the FTP server.</param>
/// <param name="FileSize">Its size in bytes.</param>
public sealed record ClaimedDrop(string DropPath, string FileName, long FileSize);
