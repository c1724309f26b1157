namespace CowansSync.Functions.Etilize;

/// <summary>A file in the Etilize FTP folder.</summary>
/// <param name="Name">The file name, without folders.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ModifiedAt">When it was last modified (UTC), per MDTM.</param>
public sealed record EtilizeFtpFile(string Name, long Size, DateTimeOffset ModifiedAt);
