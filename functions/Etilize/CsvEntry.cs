using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// A CSV entry of an Etilize archive, read record by record with CsvHelper (RFC 4180: quoted fields may hold commas,
/// doubled quotes and line breaks). The entry is read twice: once to decide its encoding, once to parse it, so no
/// entry is ever held in memory whole.
/// </summary>
internal sealed class CsvEntry
{
    // A record this long is an unterminated quote swallowing the file, not a product.
    private const int MaxRecordBytes = 16 * 1024 * 1024;

    private readonly EtilizeArchive _archive;
    private readonly ZipArchiveEntry _entry;
    private readonly Encoding? _encoding;

    private CsvEntry(EtilizeArchive archive, ZipArchiveEntry entry, Encoding? encoding)
    {
        _archive = archive;
        _entry = entry;
        _encoding = encoding;
    }

    /// <summary>The entry's name in the archive.</summary>
    public string Name => _entry.FullName;

    /// <summary>Prepares <paramref name="entry"/> for reading, deciding its encoding.</summary>
    public static async Task<CsvEntry> OpenAsync(EtilizeArchive archive, ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        await using var content = archive.OpenEntry(entry);
        return new CsvEntry(archive, entry, await EntryEncoding.DetectAsync(content, cancellationToken));
    }

    /// <summary>The first record (a header, for files that have one), or <see langword="null"/> for an empty file.</summary>
    public async Task<CsvRecord?> ReadFirstAsync(CancellationToken cancellationToken)
    {
        await foreach (var record in ReadAsync(cancellationToken))
        {
            return record;
        }

        return null;
    }

    /// <summary>Every record, header included, in file order; empty lines are skipped.</summary>
    public async IAsyncEnumerable<CsvRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            Encoding = _encoding,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            MaxRecordSize = MaxRecordBytes,
            IncludeValuesInExceptions = false,
            // A stray quote inside an unquoted field (12" Ruler) reads as text, as a person means it; the other
            // quoting faults leave the record's fields in doubt.
            OnMalformedRecord = record =>
            {
                if (record.Reason != CsvMalformedReason.StrayQuote)
                {
                    malformed.TryAdd(record.LineNumber, record.Reason);
                }
            },
        };
        await using var reader = CsvReader.Create(_archive.OpenEntry(_entry), options, false);
        while (true)
        {
            CsvRecord record;
            CsvFormatException? failure = null;
            try
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    yield break;
                }

                var line = checked((int)reader.LineNumber);
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i);
                }

                record = new CsvRecord(line, fields, malformed.Remove(line, out var reason) ? Describe(reason) : null);
            }
            catch (CsvFormatException error)
            {
                failure = error;
                record = new CsvRecord(checked((int)Math.Max(error.LineNumber, 1)), [], $"is unreadable CSV ({error.Message}); the rest of the file is skipped");
            }

            yield return record;
            if (failure is not null)
            {
                yield break;
            }
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.TextAfterClosingQuote => "has text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "opens a quoted field that is never closed",
        _ => $"is malformed CSV ({reason})",
    };
}
