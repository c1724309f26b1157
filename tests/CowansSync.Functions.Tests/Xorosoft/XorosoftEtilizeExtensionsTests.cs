using CowansSync.Functions.Etilize;
using CowansSync.Functions.Extensions;
using CowansSync.Functions.Xorosoft;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CowansSync.Functions.Tests.Xorosoft;

public sealed class XorosoftEtilizeExtensionsTests
{
    [Fact]
    public void AddXorosoftAndAddEtilizeFtp_NotConfigured_AppBuildsAndResolvingNamesTheSettings()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddSyncSettings().AddSyncStorage().AddXorosoft().AddEtilizeFtp();

        using var host = builder.Build();

        var xorosoft = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<XorosoftClient>());
        var etilize = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<EtilizeFtpClient>());
        Assert.Contains("Xorosoft__BaseUrl", xorosoft.Message, StringComparison.Ordinal);
        Assert.Contains("Etilize__Host", etilize.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddXorosoftAndAddEtilizeFtp_Configured_ResolvesCatalogAndFetcher()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SyncStorage"] = "UseDevelopmentStorage=true",
            ["Xorosoft:BaseUrl"] = "http://127.0.0.1:9",
            ["Xorosoft:ApiKey"] = "key",
            ["Xorosoft:ApiSecret"] = "secret",
            ["Etilize:Host"] = "127.0.0.1",
            ["Etilize:User"] = "user",
            ["Etilize:Password"] = "password",
        });
        builder.AddSyncSettings().AddSyncStorage().AddXorosoft().AddEtilizeFtp();

        using var host = builder.Build();

        Assert.IsType<XorosoftCatalog>(host.Services.GetRequiredService<IXorosoftCatalog>());
        Assert.Same(host.Services.GetRequiredService<XorosoftClient>(), host.Services.GetRequiredService<XorosoftClient>());
        Assert.NotNull(host.Services.GetRequiredService<EtilizeDropFetcher>());
    }
}
