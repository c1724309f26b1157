using System.IO.Compression;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// An Etilize ZIP checked before anything is inflated: entry count, declared sizes and ratios, and entry names.
/// The ZIP is spooled to a temporary file (deleted on dispose) because reading a ZIP needs seeking and a blob
/// download stream cannot seek; memory stays bounded whatever the archive's size.
/// </summary>
public sealed class EtilizeArchive : IDisposable
{
    private readonly FileStream _spool;
    private readonly ZipArchive _zip;
    private readonly EtilizeArchiveOptions _options;
    private long _inflatedBytes;

    private EtilizeArchive(FileStream spool, ZipArchive zip, EtilizeArchiveOptions options)
    {
        _spool = spool;
        _zip = zip;
        _options = options;
    }

    /// <summary>The file entries (folders left out), in archive order.</summary>
    public IReadOnlyList<ZipArchiveEntry> Entries => _zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();

    /// <summary>Spools <paramref name="content"/> and checks it.</summary>
    /// <exception cref="CatalogFileRefusedException">The archive is corrupt, too large or hostile.</exception>
    public static async Task<EtilizeArchive> OpenAsync(Stream content, EtilizeArchiveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new EtilizeArchiveOptions();
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await CopyWithLimitAsync(content, spool, options.MaxArchiveBytes, cancellationToken);
            spool.Position = 0;
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(spool, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException error)
            {
                throw new CatalogFileRefusedException("corrupt_archive", $"The file is not a readable ZIP archive: {error.Message}", error);
            }

            var archive = new EtilizeArchive(spool, zip, options);
            archive.CheckEntries();
            return archive;
        }
        catch
        {
            // The archive (if made) only wraps the spool; closing the spool deletes the temporary file.
            await spool.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens an entry for reading; inflating more than it declared, or than the archive's limit, is refused.</summary>
    /// <exception cref="CatalogFileRefusedException">Raised while reading, when the entry inflates beyond its limits or is corrupt.</exception>
    public Stream OpenEntry(ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new InflationLimitStream(entry.Open(), entry.FullName, entry.Length, bytes =>
        {
            if (Interlocked.Add(ref _inflatedBytes, bytes) > _options.MaxUncompressedBytes)
            {
                throw new CatalogFileRefusedException("too_large", $"The archive inflates to more than {_options.MaxUncompressedBytes:N0} bytes.");
            }
        });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _zip.Dispose();
        _spool.Dispose();
    }

    private void CheckEntries()
    {
        System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            entries = _zip.Entries;
        }
        catch (InvalidDataException error)
        {
            throw new CatalogFileRefusedException("corrupt_archive", $"The ZIP's directory is unreadable: {error.Message}", error);
        }

        if (entries.Count > _options.MaxEntries)
        {
            throw new CatalogFileRefusedException("too_many_entries", $"The archive has {entries.Count:N0} entries; at most {_options.MaxEntries:N0} are accepted.");
        }

        var declared = 0L;
        foreach (var entry in entries)
        {
            if (!IsSafeName(entry.FullName))
            {
                throw new CatalogFileRefusedException("unsafe_entry_name", $"The entry name '{entry.FullName}' points outside the archive.");
            }

            var ratio = entry.Length / (double)Math.Max(entry.CompressedLength, 1);
            if (ratio > _options.MaxCompressionRatio)
            {
                throw new CatalogFileRefusedException("compression_ratio", $"The entry '{entry.FullName}' expands {ratio:N0} times; at most {_options.MaxCompressionRatio:N0} is accepted (a zip bomb?).");
            }

            declared += entry.Length;
        }

        if (declared > _options.MaxUncompressedBytes)
        {
            throw new CatalogFileRefusedException("too_large", $"The archive declares {declared:N0} uncompressed bytes; at most {_options.MaxUncompressedBytes:N0} are accepted.");
        }
    }

    private static bool IsSafeName(string name) =>
        !name.StartsWith('/') && !name.StartsWith('\\') && !name.Contains(':', StringComparison.Ordinal)
        && !name.Split('/', '\\').Contains("..");

    private static async Task CopyWithLimitAsync(Stream source, Stream destination, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new CatalogFileRefusedException("too_large", $"The file is larger than {limit:N0} bytes.");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
