using System.Text.Json;
using CowansSync.Functions.Apis;

namespace CowansSync.Functions.Extensions;

/// <summary>The HTTP conventions of <c>docs/API.md</c>: snake_case JSON and every error as <c>{"error", "details"}</c>.</summary>
public static class ApiConventionsExtensions
{
    /// <summary>Registers snake_case JSON, the JSON exception handler and the OpenAPI document.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
            // A misspelt or unsupported field is refused, not ignored: ignoring it once turned a filtered bulk reject into a reject of everything.
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });

        // Malformed bodies surface as BadHttpRequestException, which JsonExceptionHandler answers in the API's shape.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<JsonExceptionHandler>();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(provider => new Apis.OpenApi.OpenApiDocumentBuilder(
            provider.GetRequiredService<Hosting.Standalone.FunctionMethods>(), provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()));
        return builder;
    }

    /// <summary>Answers exceptions and body-less error statuses (404, 405) with the API's error body.</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication UseApiConventions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            var message = response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "Not found.",
                StatusCodes.Status405MethodNotAllowed => "Method not allowed.",
                StatusCodes.Status413PayloadTooLarge => $"The request body is too large: the API reads at most {ApiBody.MaxBodyBytes / 1024} KiB.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON (Content-Type: application/json).",
                _ => $"The request failed with status {response.StatusCode}.",
            };
            await response.WriteAsJsonAsync(new ApiError(message), context.HttpContext.RequestAborted);
        });
        return app;
    }
}
