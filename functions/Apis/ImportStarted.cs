namespace CowansSync.Functions.Apis;

/// <summary>The answer to starting an import: 202 with where to follow it.</summary>
/// <param name="JobId">The run's id.</param>
/// <param name="Status">Always <c>started</c>.</param>
/// <param name="FtpFilename">The file being imported.</param>
/// <param name="StatusUrl">Where to read its progress.</param>
public sealed record ImportStarted(string JobId, string Status, string FtpFilename, string StatusUrl);
