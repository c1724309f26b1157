namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/etilize/sync/download</c>.</summary>
/// <param name="Filename">The file on the FTP server: a plain name matching <c>Etilize__FilePattern</c>.</param>
/// <param name="ExtractImmediately">Start importing it at once.</param>
public sealed record DownloadRequest(string? Filename, bool ExtractImmediately = false);

/// <summary>A file copied from the FTP server to storage, not imported.</summary>
/// <param name="Filename">Its name on the server.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ModifiedAt">Its modified time on the server.</param>
/// <param name="BlobName">Its copy in container <c>etilize-drops</c>.</param>
/// <param name="Fingerprint">Name, size and modified time: what identifies this version of it.</param>
public sealed record EtilizeFileDownloaded(string Filename, long Size, DateTimeOffset ModifiedAt, string BlobName, string Fingerprint);
