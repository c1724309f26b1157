using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Tests.Apis;

/// <summary><c>GET /api/openapi.json</c> through Kestrel: anonymous, every HTTP function in it with its role, and valid OpenAPI 3.1.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Document_Anonymous_DescribesEveryHttpFunctionWithItsResponsesAndRole()
    {
        var (status, document) = await ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        var missing = new List<string>();
        foreach (var (function, trigger) in FunctionMethods.FromAssembly(typeof(Program).Assembly).Of<HttpTriggerAttribute>())
        {
            foreach (var method in trigger.Methods!)
            {
                var path = $"/api/{trigger.Route}";
                if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
                {
                    missing.Add($"{method.ToUpperInvariant()} {path}");
                    continue;
                }

                Assert.Equal(function.Name, operation.GetProperty("operationId").GetString());
                Assert.True(operation.GetProperty("responses").EnumerateObject().Any(response => response.Name.StartsWith('2')), $"{function.Name} declares no success response");
                var role = function.Method.GetCustomAttributes(typeof(AuthorizeAttribute), false).Cast<AuthorizeAttribute>().SingleOrDefault()?.Policy;
                Assert.Equal(role, operation.TryGetProperty("x-required-role", out var required) ? required.GetString() : null);
                Assert.Equal(role is null ? 0 : 1, operation.GetProperty("security").GetArrayLength());
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Document_BodiesAndParameters_ComeFromTheCode()
    {
        var (_, document) = await ReadDocumentAsync();

        var paths = document.GetProperty("paths");
        var reject = paths.GetProperty("/api/sync/staged/bulk-reject").GetProperty("post");
        var bodySchema = reject.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty(bodySchema.Split('/')[^1]).GetProperty("properties");
        Assert.True(properties.TryGetProperty("confirm", out _));
        Assert.True(properties.TryGetProperty("batch_id", out _));
        var staged = paths.GetProperty("/api/sync/staged").GetProperty("get");
        Assert.Contains("per_page", staged.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()));
        var change = paths.GetProperty("/api/sync/staged/{changeId}").GetProperty("get");
        Assert.Equal("path", change.GetProperty("parameters")[0].GetProperty("in").GetString());
        Assert.True(change.GetProperty("responses").TryGetProperty("404", out _));
        Assert.False(string.IsNullOrEmpty(change.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Document_ValidatesAgainstTheOpenApiSchema()
    {
        var (_, document) = await ReadDocumentAsync();
        var file = Path.Combine(Path.GetTempPath(), $"cowanssync-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.GetRawText());
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("scripts/validate-openapi.mjs");
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, await output + await error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Document)> ReadDocumentAsync()
    {
        var appRoot = TestAppRoot.Create();
        await using var app = new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));
        return (response.StatusCode, await response.ReadJsonAsync());
    }
}
