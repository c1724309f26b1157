namespace CowansSync.Functions.Etilize;

/// <summary>An Etilize file copied from FTP into Blob storage, ready to import.</summary>
/// <param name="FileName">The file's name on the FTP server.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ModifiedAt">Its modified time on the server (UTC).</param>
/// <param name="BlobName">Where it is in container <c>etilize-drops</c>: <c>{yyyy}/{MM}/{dd}/{FileName}</c> of <paramref name="ModifiedAt"/>.</param>
/// <param name="Fingerprint">Name, size and modified time: what makes this file this version.</param>
public sealed record EtilizeDrop(string FileName, long Size, DateTimeOffset ModifiedAt, string BlobName, string Fingerprint);
