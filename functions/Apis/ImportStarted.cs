namespace CowansSync.Functions.Apis;

/// <summary>The answer to starting an import: 202 with where to follow it.</summary>
/// <param name="JobId">The run's id.</param>
/// <param name="Status">Always <c>started</c>.</param>
/// <param name="FtpFilename">The file being imported.</param>
/// <param name="StatusUrl">Where to read its progress.</param>
public sealed record ImportStarted(string JobId, string Status, string FtpFilename, string StatusUrl)
{
    /// <summary>The run's id, as every run-starting answer names it (the same as the seeds' <c>job_id</c>).</summary>
    public string RunId => JobId;
}
