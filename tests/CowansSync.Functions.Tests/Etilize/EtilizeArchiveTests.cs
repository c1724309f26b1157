using System.IO.Compression;
using System.Text;
using CowansSync.Functions.Etilize;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Tests.Etilize;

public sealed class EtilizeArchiveTests
{
    [Fact]
    public async Task OpenAsync_CatalogZip_ListsAndReadsEntries()
    {
        var zip = Zip(("cowans_catalog.csv", "sku,title\r\nCOS-1,\"Paper, 8.5\"\" x 11\"\"\"\r\n"));

        using var sut = await EtilizeArchive.OpenAsync(new MemoryStream(zip));
        using var reader = new StreamReader(sut.OpenEntry(sut.Entries.Single()));

        Assert.Equal("cowans_catalog.csv", sut.Entries.Single().FullName);
        Assert.Contains("Paper, 8.5", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NotAZip_RefusesAsCorrupt()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);

        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() => EtilizeArchive.OpenAsync(new MemoryStream(garbage)));

        Assert.Equal("corrupt_archive", refusal.Reason);
    }

    [Fact]
    public async Task OpenAsync_TruncatedZip_RefusesAsCorrupt()
    {
        var zip = Zip(("cowans_catalog.csv", new string('x', 10_000)));

        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() => EtilizeArchive.OpenAsync(new MemoryStream(zip[..(zip.Length / 2)])));

        Assert.Equal("corrupt_archive", refusal.Reason);
    }

    [Fact]
    public async Task OpenAsync_ZipBomb_RefusedBeforeInflating()
    {
        using var bomb = new MemoryStream();
        using (var archive = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        await using (var entry = archive.CreateEntry("catalog.csv", CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                await entry.WriteAsync(zeros);
            }
        }

        bomb.Position = 0;
        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() => EtilizeArchive.OpenAsync(bomb));

        Assert.Equal("compression_ratio", refusal.Reason);
        Assert.True(bomb.Length < 1024 * 1024, "the bomb should be small on the wire");
    }

    [Fact]
    public async Task OpenAsync_TooManyEntries_Refused()
    {
        var zip = Zip(Enumerable.Range(0, 11).Select(i => ($"part{i}.csv", "sku\r\n")).ToArray());

        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() =>
            EtilizeArchive.OpenAsync(new MemoryStream(zip), new EtilizeArchiveOptions { MaxEntries = 10 }));

        Assert.Equal("too_many_entries", refusal.Reason);
    }

    [Theory]
    [InlineData("../evil.csv")]
    [InlineData("data/../../evil.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\evil.csv")]
    [InlineData("..\\evil.csv")]
    public async Task OpenAsync_EntryNameLeavingTheArchive_Refused(string name)
    {
        var zip = Zip(("cowans_catalog.csv", "sku\r\n"), (name, "x"));

        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() => EtilizeArchive.OpenAsync(new MemoryStream(zip)));

        Assert.Equal("unsafe_entry_name", refusal.Reason);
        Assert.Contains(name, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_LargerThanLimit_RefusedWhileSpooling()
    {
        var zip = Zip(("cowans_catalog.csv", new string('x', 50_000)));

        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() =>
            EtilizeArchive.OpenAsync(new MemoryStream(zip), new EtilizeArchiveOptions { MaxArchiveBytes = 100 }));

        Assert.Equal("too_large", refusal.Reason);
    }

    [Fact]
    public async Task OpenEntry_InflatingPastTheArchiveBudget_RefusedWhileReading()
    {
        var zip = Zip(("a.csv", RandomLetters(6_000)), ("b.csv", RandomLetters(6_000)));
        using var sut = await EtilizeArchive.OpenAsync(new MemoryStream(zip), new EtilizeArchiveOptions { MaxUncompressedBytes = 15_000 });
        await using (var first = sut.OpenEntry(sut.Entries[0]))
        {
            await first.CopyToAsync(Stream.Null);
        }

        await using var again = sut.OpenEntry(sut.Entries[1]);
        await again.CopyToAsync(Stream.Null);
        await using var third = sut.OpenEntry(sut.Entries[0]);

        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() => third.CopyToAsync(Stream.Null));

        Assert.Equal("too_large", refusal.Reason);
    }

    /// <summary>Text that compresses like real CSV, not like a zip bomb.</summary>
    private static string RandomLetters(int length)
    {
        var random = new Random(length);
        return new string(Enumerable.Range(0, length).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }
}
