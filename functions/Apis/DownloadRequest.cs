namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/etilize/sync/download</c>.</summary>
/// <param name="Filename">The file on the FTP server: a plain name matching <c>Etilize__FilePattern</c>.</param>
/// <param name="ExtractImmediately">Start importing it at once.</param>
public sealed record DownloadRequest(string? Filename, bool ExtractImmediately = false);
