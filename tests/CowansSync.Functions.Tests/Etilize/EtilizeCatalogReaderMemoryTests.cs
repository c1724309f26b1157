using System.IO.Compression;
using System.Text;
using Xunit.Abstractions;

namespace CowansSync.Functions.Tests.Etilize;

/// <summary>Runs alone, so other tests' allocations do not blur the heap measurement.</summary>
[CollectionDefinition(nameof(EtilizeCatalogReaderMemoryTests), DisableParallelization = true)]
public sealed class ReaderRunsAlone;

[Collection(nameof(EtilizeCatalogReaderMemoryTests))]
public sealed class EtilizeCatalogReaderMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 20_000;
    private const long HeapBoundBytes = 16L * 1024 * 1024;

    private readonly string _zipPath = Path.GetTempFileName();

    [Fact]
    public async Task ReadAsync_20000FlatRows_KeepsManagedHeapBounded()
    {
        var csvBytes = WriteZip(_zipPath);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        // What the reader holds while it reads, measured after full collections so that garbage not yet collected
        // (gen0 budgets differ from machine to machine) does not count.
        var (items, errors, held) = (0, 0, 0L);
        await using (var zip = File.OpenRead(_zipPath))
        {
            await foreach (var row in CatalogZip.Reader().ReadAsync(zip, CancellationToken.None))
            {
                (items, errors) = row.Item is null ? (items, errors + 1) : (items + 1, errors);
                if (items % 2_500 == 0)
                {
                    held = Math.Max(held, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }
            }
        }

        output.WriteLine($"the reader held at most {held / 1024} KiB reading a {csvBytes / 1024} KiB catalog");
        Assert.Equal((Rows, 0), (items, errors));
        Assert.True(csvBytes > 3 * HeapBoundBytes, $"the file ({csvBytes / (1024 * 1024)} MiB) must be far larger than the bound");
        Assert.True(held < HeapBoundBytes, $"the reader held {held / (1024 * 1024)} MiB reading a {csvBytes / (1024 * 1024)} MiB catalog");
    }

    public void Dispose() => File.Delete(_zipPath);

    /// <summary>Writes a flat catalog of varied text (so it compresses like a real one, not like a bomb); returns its CSV size.</summary>
    private static long WriteZip(string path)
    {
        string[] words = ["paper", "binder", "\"heavy-duty\"", "ream, white", "Société", "toner™", "<p>", "</p>", "acid-free", "8.5\" x 11\"", "recycled", "archival"];
        var random = new Random(5);
        using var file = File.Create(path);
        using var archive = new ZipArchive(file, ZipArchiveMode.Create);
        using var entry = archive.CreateEntry("cowans_catalog.csv").Open();
        using var counter = new CountingStream(entry);
        using (var writer = new StreamWriter(counter, new UTF8Encoding(false)))
        {
            writer.Write("sku,title,description,manufacturer,mpn,upc,category,image_url,weight_lb,etilize_product_id\r\n");
            var description = new StringBuilder();
            for (var n = 0; n < Rows; n++)
            {
                description.Clear();
                while (description.Length < 3000)
                {
                    description.Append(words[random.Next(words.Length)]).Append(random.Next(1000)).Append(random.Next(2) == 0 ? ' ' : '\n');
                }

                writer.Write($"COS-{n},Title {n},\"{description.Replace("\"", "\"\"")}\",Avery,M-{n},0{n:D11},Paper,https://content.etilize.com/Large/{n}.jpg,1.5,{n}\r\n");
            }
        }

        return counter.Written;
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
