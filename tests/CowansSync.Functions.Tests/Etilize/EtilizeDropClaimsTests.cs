using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Tests.Etilize;

/// <summary>A scheduled import's file claim on the real FTP server and Azurite: a retried claim keeps its file, a second run gets none.</summary>
public sealed class EtilizeDropClaimsTests(EtilizeFtpFixture fixture) : IClassFixture<EtilizeFtpFixture>
{
    [Fact]
    public async Task ClaimNewestAsync_RepeatedForOneRun_AnswersItsFileAndAnotherRunGetsNothing()
    {
        var (fetcher, _) = fixture.CreateFetcher();
        var sut = Claims(fetcher, host: "ftp.example.com");

        var first = await sut.ClaimNewestAsync("schedule-a-1-etilize_import", CancellationToken.None);
        var repeat = await sut.ClaimNewestAsync("schedule-a-1-etilize_import", CancellationToken.None);
        var other = await sut.ClaimNewestAsync("schedule-b-1-etilize_import", CancellationToken.None);

        Assert.NotNull(first);
        Assert.StartsWith($"{EtilizeDropFetcher.DefaultContainerName}/", first.DropPath, StringComparison.Ordinal);
        Assert.Equal(first, repeat);
        Assert.Null(other);
        Assert.Equal("schedule-a-1-etilize_import", Assert.Single(await fetcher.ListFilesAsync()).RunId);
    }

    [Fact]
    public async Task ClaimNewestAsync_EtilizeNotConfigured_ThrowsNamingTheSetting()
    {
        var (fetcher, _) = fixture.CreateFetcher();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Claims(fetcher, host: null).ClaimNewestAsync("run", CancellationToken.None));

        Assert.Contains("Etilize__Host", error.Message, StringComparison.Ordinal);
    }

    private static EtilizeDropClaims Claims(EtilizeDropFetcher fetcher, string? host) =>
        new(new ServiceCollection().AddSingleton(fetcher).BuildServiceProvider(), Options.Create(new EtilizeOptions { Host = host }));
}
