using CowansSync.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>
/// The real app in memory (TestServer), configured only through settings, as in production; its content root is
/// the test's app root so no developer's <c>local.settings.json</c> leaks in. Test doubles are limited to handlers
/// and the clock.
/// </summary>
public sealed class FunctionAppFactory(TestAppRoot appRoot, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A bootstrap admin key valid for every test app.</summary>
    public const string BootstrapKey = "test-bootstrap-admin-key-0123456789abcdef";

    /// <summary>The settings every test app needs, on the shared Azurite.</summary>
    public static async Task<Dictionary<string, string?>> BaseSettingsAsync(TestAppRoot appRoot) => new()
    {
        ["SyncStorage"] = (await AzuriteServer.Shared).ConnectionString,
        ["Auth:BootstrapAdminKey"] = BootstrapKey,
        ["Functions:AppRoot"] = appRoot.Path,
    };

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(appRoot.Path);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection => services?.Invoke(collection));
    }
}
