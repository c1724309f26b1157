namespace CowansSync.Orchestrations.Ports;

/// <summary>A catalog row that could not be read.</summary>
/// <param name="File">The file inside the ZIP.</param>
/// <param name="Line">The 1-based line the row starts on.</param>
/// <param name="Reason">What is wrong with it, for people (no stack trace).</param>
public sealed record CatalogRowError(string File, int Line, string Reason);
