using System.Net;
using System.Security.Cryptography;
using CowansSync.Functions.Etilize;

namespace CowansSync.Functions.Tests.Etilize;

public sealed class EtilizeDropFetcherTests(EtilizeFtpFixture fixture) : IClassFixture<EtilizeFtpFixture>
{
    private static readonly DateTime FutureModified = new(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public async Task FetchNewestAsync_SeveralFiles_CopiesTheNewestMatchingFile()
    {
        var newest = WriteFile("cowans_etilize_20300102.zip", 70_000, FutureModified);
        WriteFile("cowans_etilize_20200101.zip", 1_000, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        WriteFile("readme.txt", 10, FutureModified.AddDays(1));
        var (sut, container) = fixture.CreateFetcher();

        var drop = await sut.FetchNewestAsync();

        Assert.NotNull(drop);
        Assert.Equal("cowans_etilize_20300102.zip", drop.FileName);
        Assert.Equal(70_000, drop.Size);
        Assert.Equal(new DateTimeOffset(FutureModified), drop.ModifiedAt);
        Assert.Equal("2030/01/02/cowans_etilize_20300102.zip", drop.BlobName);
        Assert.Equal(SHA256.HashData(newest), await BlobHashAsync(container, drop.BlobName));
    }

    [Fact]
    public async Task FetchNewestAsync_NewestAlreadyImported_ReturnsNull()
    {
        var (sut, _) = fixture.CreateFetcher();
        var drop = await sut.FetchNewestAsync();
        Assert.NotNull(drop);

        var claimed = await sut.MarkImportedAsync(drop, "run-1");
        var again = await sut.FetchNewestAsync();
        var files = await sut.ListFilesAsync();

        Assert.True(claimed);
        Assert.Null(again);
        var record = Assert.Single(files);
        Assert.Equal((drop.Fingerprint, "run-1", drop.BlobName), (record.Fingerprint, record.RunId, record.BlobName));
        Assert.NotNull(record.ImportedAt);
    }

    [Fact]
    public async Task MarkImportedAsync_TwoRunsAtOnce_OnlyOneHoldsTheClaim()
    {
        var (sut, _) = fixture.CreateFetcher();
        var drop = await sut.FetchAsync(EtilizeFtpFixture.GeneratedFile);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => sut.MarkImportedAsync(drop, $"run-{i}")));
        var holder = Assert.Single(await sut.ListFilesAsync()).RunId;

        Assert.Equal(1, claims.Count(claimed => claimed));
        Assert.True(await sut.MarkImportedAsync(drop, holder!));
    }

    [Fact]
    public async Task FetchAsync_NamedFile_BlobEqualsTheServedFile()
    {
        var (sut, container) = fixture.CreateFetcher();

        var drop = await sut.FetchAsync(EtilizeFtpFixture.GeneratedFile);

        var served = await File.ReadAllBytesAsync(Path.Combine(fixture.Folder, EtilizeFtpFixture.GeneratedFile));
        Assert.Equal(served.Length, drop.Size);
        Assert.Equal(SHA256.HashData(served), await BlobHashAsync(container, drop.BlobName));
    }

    [Theory]
    [InlineData("../cowans_etilize_1.zip", "plain file name")]
    [InlineData("sub/cowans_etilize_1.zip", "plain file name")]
    [InlineData("cowans_etilize_..zip", "plain file name")]
    [InlineData("notes.txt", "does not match Etilize__FilePattern")]
    [InlineData(" ", "required")]
    public async Task FetchAsync_UnsafeOrForeignName_RefusesWithReason(string fileName, string reason)
    {
        var (sut, _) = fixture.CreateFetcher();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sut.FetchAsync(fileName));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_MissingFile_ThrowsPermanentFtpError()
    {
        var (sut, _) = fixture.CreateFetcher();

        var error = await Assert.ThrowsAsync<EtilizeFtpException>(() => sut.FetchAsync("cowans_etilize_19990101.zip"));

        Assert.False(error.IsTransient);
        Assert.Contains("cowans_etilize_19990101.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_WrongPassword_ThrowsLoginError()
    {
        var sut = fixture.CreateClient(password: "wrong");

        var error = await Assert.ThrowsAsync<EtilizeFtpException>(() => sut.ListAsync(_ => true));

        Assert.Equal(FtpStatusCode.NotLoggedIn, error.StatusCode);
        Assert.Contains("Etilize__Password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_DownloadFailsUntilTheFaultClears_IsRetriedAndSucceeds()
    {
        var (sut, container) = fixture.CreateFetcher();
        var before = (await fixture.FtpCountersAsync()).GetProperty("errors_injected").GetInt32();
        await fixture.SetFaultsAsync(new { errorRate = 1 });

        var fetch = sut.FetchAsync(EtilizeFtpFixture.GeneratedFile);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await fixture.FtpCountersAsync()).GetProperty("errors_injected").GetInt32() < before + 2)
        {
            await Task.Delay(20, patience.Token);
        }

        await fixture.SetFaultsAsync(new { errorRate = 0 });
        var drop = await fetch;

        var served = await File.ReadAllBytesAsync(Path.Combine(fixture.Folder, EtilizeFtpFixture.GeneratedFile));
        Assert.Equal(SHA256.HashData(served), await BlobHashAsync(container, drop.BlobName));
    }

    [Fact]
    public async Task FetchAsync_FileRewrittenWhileCopying_ThrowsTransientErrorInsteadOfAShortCopy()
    {
        WriteFile("cowans_etilize_20250505.zip", 50_000, new DateTime(2025, 5, 5, 0, 0, 0, DateTimeKind.Utc));
        var (sut, _) = fixture.CreateFetcher(fixture.CreateClient(maxRetryAttempts: 1));
        await fixture.SetFaultsAsync(new { latencyMs = 1500 });
        try
        {
            var fetch = sut.FetchAsync("cowans_etilize_20250505.zip");
            await Task.Delay(700);
            WriteFile("cowans_etilize_20250505.zip", 20_000, new DateTime(2025, 5, 6, 0, 0, 0, DateTimeKind.Utc));

            var error = await Assert.ThrowsAsync<EtilizeFtpException>(() => fetch);

            Assert.True(error.IsTransient);
            Assert.Contains("Copied 20000 of the 50000 bytes", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.SetFaultsAsync(new { latencyMs = 0 });
        }
    }

    private byte[] WriteFile(string name, int size, DateTime modifiedUtc)
    {
        var content = RandomNumberGenerator.GetBytes(size);
        var path = Path.Combine(fixture.Folder, name);
        File.WriteAllBytes(path, content);
        File.SetLastWriteTimeUtc(path, modifiedUtc);
        return content;
    }

    private async Task<byte[]> BlobHashAsync(string container, string blobName)
    {
        var client = (await fixture.Storage.GetBlobContainerAsync(container)).GetBlobClient(blobName);
        var download = await client.DownloadStreamingAsync();
        await using var content = download.Value.Content;
        return await SHA256.HashDataAsync(content);
    }
}
