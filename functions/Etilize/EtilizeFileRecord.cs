namespace CowansSync.Functions.Etilize;

/// <summary>A version of an Etilize file as the sync has seen it (one row of table <c>etilizefiles</c>).</summary>
/// <param name="FileName">The file's name on the FTP server.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ModifiedAt">Its modified time on the server (UTC).</param>
/// <param name="Fingerprint">Name, size and modified time.</param>
/// <param name="FirstSeenAt">When it was first fetched.</param>
/// <param name="ImportedAt">When a run claimed it for import; <see langword="null"/> until then.</param>
/// <param name="RunId">The run that imports it.</param>
/// <param name="BlobName">Its copy in container <c>etilize-drops</c>.</param>
public sealed record EtilizeFileRecord(
    string FileName,
    long Size,
    DateTimeOffset ModifiedAt,
    string Fingerprint,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? ImportedAt,
    string? RunId,
    string? BlobName);
