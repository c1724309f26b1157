using System.Globalization;
using Azure.Storage.Blobs.Models;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// Finds the Etilize file to import on the FTP server and copies it, streamed, into container <c>etilize-drops</c>;
/// records each version seen in <see cref="EtilizeDropStore"/>. Starts no run: the caller claims the drop with
/// <see cref="MarkImportedAsync"/> and imports it.
/// </summary>
/// <remarks>
/// Idempotent: a file version always lands at the same blob name (its modified date and name) with the same
/// content, so a repeated or concurrent fetch rewrites identical bytes; only the claim decides who imports it.
/// </remarks>
public sealed partial class EtilizeDropFetcher(
    EtilizeFtpClient ftp,
    EtilizeDropStore store,
    StorageClients storage,
    EtilizeFilePattern pattern,
    ILogger<EtilizeDropFetcher> logger,
    string containerName = EtilizeDropFetcher.DefaultContainerName)
{
    /// <summary>The container the files are copied into.</summary>
    public const string DefaultContainerName = "etilize-drops";

    /// <summary>Copies the newest file matching <c>Etilize__FilePattern</c>, unless that version was imported already.</summary>
    /// <param name="cancellationToken">Stops the listing and the copy.</param>
    /// <returns>The copied file; <see langword="null"/> when the folder has no matching file or its newest was imported.</returns>
    /// <exception cref="EtilizeFtpException">The server refused the login, folder or file, or kept failing.</exception>
    public async Task<EtilizeDrop?> FetchNewestAsync(CancellationToken cancellationToken = default)
    {
        var files = await ftp.ListAsync(pattern.IsMatch, cancellationToken);
        var newest = files.OrderByDescending(file => file.ModifiedAt).ThenByDescending(file => file.Name, StringComparer.Ordinal).FirstOrDefault();
        if (newest is null)
        {
            LogNoFile(pattern.Pattern);
            return null;
        }

        if (await store.GetAsync(FingerprintOf(newest), cancellationToken) is { ImportedAt: not null } imported)
        {
            LogAlreadyImported(newest.Name, imported.RunId);
            return null;
        }

        return await CopyAsync(newest, cancellationToken);
    }

    /// <summary>Copies a named file, imported before or not (a deliberate re-import).</summary>
    /// <param name="fileName">A plain file name matching <c>Etilize__FilePattern</c>.</param>
    /// <param name="cancellationToken">Stops the listing and the copy.</param>
    /// <returns>The copied file.</returns>
    /// <exception cref="ArgumentException">The name holds a folder or <c>..</c>, or does not match the pattern; the message says which.</exception>
    /// <exception cref="EtilizeFtpException">The file is not on the server, or the server refused or kept failing.</exception>
    public async Task<EtilizeDrop> FetchAsync(string fileName, CancellationToken cancellationToken = default)
    {
        CheckFileName(fileName);
        var files = await ftp.ListAsync(name => string.Equals(name, fileName, StringComparison.Ordinal), cancellationToken);
        var file = (files.Count > 0 ? files[0] : null)
            ?? throw new EtilizeFtpException($"The Etilize FTP folder has no file named '{fileName}'.", System.Net.FtpStatusCode.ActionNotTakenFileUnavailable, isTransient: false);
        return await CopyAsync(file, cancellationToken);
    }

    /// <summary>Claims a copied file for a run (see <see cref="EtilizeDropStore.MarkImportedAsync"/>).</summary>
    /// <param name="drop">The copied file.</param>
    /// <param name="runId">The run that imports it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when <paramref name="runId"/> holds the claim; <see langword="false"/> when another run does.</returns>
    public Task<bool> MarkImportedAsync(EtilizeDrop drop, string runId, CancellationToken cancellationToken = default) =>
        store.MarkImportedAsync(drop, runId, cancellationToken);

    /// <summary>Every file version seen (for <c>GET /api/etilize/files</c>), newest first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The records.</returns>
    public Task<IReadOnlyList<EtilizeFileRecord>> ListFilesAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    /// <summary>What identifies a file version: name, size and modified time (milliseconds since the epoch).</summary>
    /// <param name="file">The file.</param>
    /// <returns>The fingerprint.</returns>
    public static string FingerprintOf(EtilizeFtpFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return string.Create(CultureInfo.InvariantCulture, $"{file.Name}|{file.Size}|{file.ModifiedAt.ToUnixTimeMilliseconds()}");
    }

    private void CheckFileName(string fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new ArgumentException("The file name is required.", nameof(fileName));
        }

        if (fileName.IndexOfAny(['/', '\\']) >= 0 || fileName.Contains("..", StringComparison.Ordinal) || fileName.Any(char.IsControl))
        {
            throw new ArgumentException($"The file name '{fileName}' must be a plain file name: no folders, '..' or control characters.", nameof(fileName));
        }

        if (!pattern.IsMatch(fileName))
        {
            throw new ArgumentException($"The file name '{fileName}' does not match Etilize__FilePattern '{pattern.Pattern}'.", nameof(fileName));
        }
    }

    private async Task<EtilizeDrop> CopyAsync(EtilizeFtpFile file, CancellationToken cancellationToken)
    {
        var modified = file.ModifiedAt.UtcDateTime;
        var blobName = string.Create(CultureInfo.InvariantCulture, $"{modified:yyyy}/{modified:MM}/{modified:dd}/{file.Name}");
        var container = await storage.GetBlobContainerAsync(containerName, cancellationToken);
        var blob = container.GetBlobClient(blobName);
        // The FTP stream is copied into a block upload that holds one block at a time, never the whole file. A copy,
        // not UploadAsync(stream): the FTP data stream throws when read again after its end, which the SDK's
        // partitioned upload does.
        await ftp.DownloadAsync(file.Name, async (content, token) =>
        {
            var options = new BlobOpenWriteOptions { BufferSize = StorageClients.UploadBlockBytes, HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" } };
            await using (var upload = await blob.OpenWriteAsync(overwrite: true, options, token))
            {
                await content.CopyToAsync(upload, token);
            }

            // A short copy means the transfer broke off or Etilize was still writing the file: take it again.
            var copied = (await blob.GetPropertiesAsync(cancellationToken: token)).Value.ContentLength;
            if (copied != file.Size)
            {
                throw new EtilizeFtpException($"Copied {copied} of the {file.Size} bytes listed for {file.Name}.", null, isTransient: true);
            }
        }, cancellationToken);
        var drop = new EtilizeDrop(file.Name, file.Size, file.ModifiedAt, blobName, FingerprintOf(file));
        await store.RecordSeenAsync(drop, cancellationToken);
        LogCopied(file.Name, file.Size, blobName);
        return drop;
    }

    [LoggerMessage(1, LogLevel.Information, "No Etilize file matches {Pattern}")]
    private partial void LogNoFile(string pattern);

    [LoggerMessage(2, LogLevel.Information, "The newest Etilize file {FileName} was already imported by run {RunId}")]
    private partial void LogAlreadyImported(string fileName, string? runId);

    [LoggerMessage(3, LogLevel.Information, "Copied Etilize file {FileName} ({Size} bytes) to {BlobName}")]
    private partial void LogCopied(string fileName, long size, string blobName);
}
