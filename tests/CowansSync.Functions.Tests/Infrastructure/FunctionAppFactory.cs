using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>
/// The real app in memory (TestServer), in standalone mode, configured only through settings, as in production; its
/// content root is the test's app root so no developer's <c>local.settings.json</c> leaks in. Test doubles are
/// limited to handlers and the clock.
/// </summary>
/// <param name="appRoot">The content root.</param>
/// <param name="settings">The app settings.</param>
/// <param name="services">Test doubles.</param>
/// <param name="functionClasses">
/// When given, the app runs only the functions of these classes (HTTP, timers, queues, orchestrators, activities):
/// the hosting tests run functions of their own, the monitoring tests scripted stand-ins for the orchestrations.
/// </param>
public sealed class FunctionAppFactory(
    TestAppRoot appRoot, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, IReadOnlyList<Type>? functionClasses = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A bootstrap admin key valid for every test app.</summary>
    public const string BootstrapKey = "test-bootstrap-admin-key-0123456789abcdef";

    /// <summary>
    /// The settings every test app needs, on the shared Azurite, with a task hub of its own so no other test's
    /// orchestrations run in it.
    /// </summary>
    public static async Task<Dictionary<string, string?>> BaseSettingsAsync(TestAppRoot appRoot) => new()
    {
        ["SyncStorage"] = (await AzuriteServer.Shared).ConnectionString,
        ["Auth:BootstrapAdminKey"] = BootstrapKey,
        ["Durable:HubName"] = UniqueHubName(),
    };

    /// <summary>A task hub name no other test uses (letters and digits, as hub names must be).</summary>
    public static string UniqueHubName() => $"Test{Guid.NewGuid():N}"[..20];

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(appRoot.Path);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            if (functionClasses is not null)
            {
                collection.Replace(ServiceDescriptor.Singleton(FunctionMethods.FromTypes(functionClasses)));
            }

            services?.Invoke(collection);
        });
    }
}
