using System.Net;
using System.Reflection;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Functions.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Tests.Apis;

/// <summary>Every paged list, through Kestrel: a paging parameter that is not a number is a 400 naming it, with no .NET type in the answer.</summary>
public sealed class QueryParameterTests
{
    [Fact]
    public async Task PagedLists_PerPageNotANumber_400NamingPerPage()
    {
        var appRoot = TestAppRoot.Create();
        await using var app = new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
        using var client = app.CreateClient();
        var routes = FunctionMethods.FromAssembly(typeof(Program).Assembly).Of<HttpTriggerAttribute>()
            .Where(pair => pair.Function.Method.GetCustomAttribute<PagedAttribute>() is not null)
            .Select(pair => "/api/" + pair.Trigger.Route!.Replace("{", "x-", StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"{route}?per_page=abc", FunctionAppFactory.BootstrapKey);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route}: {(int)response.StatusCode} {body}");
            Assert.Equal("'abc' is not a whole number", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("per_page").GetString());
            Assert.DoesNotContain("Int32", body, StringComparison.Ordinal);
        }
    }
}
