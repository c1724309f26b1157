using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Serves the app's <c>[HttpTrigger]</c> functions through ASP.NET Core routing, as the Functions host would: the
/// trigger's route under the <c>api</c> prefix, its methods, the function's name as the endpoint's, and the method's
/// <c>[Authorize]</c>/<c>[AllowAnonymous]</c> for the authorization middleware. Unmatched requests fall through to the
/// app's 404/405 answers.
/// </summary>
internal static class HttpFunctionEndpoints
{
    /// <summary>The route prefix, as <c>host.json</c> sets it (<c>extensions.http.routePrefix</c>) for the Functions host.</summary>
    public const string RoutePrefix = "api";

    /// <summary>Maps every HTTP function.</summary>
    /// <param name="app">The app.</param>
    /// <param name="functions">The app's functions.</param>
    /// <returns>The app.</returns>
    /// <exception cref="InvalidOperationException">A function has no authorization attribute, a parameter the standalone host cannot bind, or does not return an <see cref="IResult"/>.</exception>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder app, FunctionMethods functions)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var (function, trigger) in functions.Of<HttpTriggerAttribute>())
        {
            FunctionMethodInvoker.CheckBindable(function);
            CheckReturnsResult(function);
            var pattern = $"/{RoutePrefix}/{trigger.Route ?? function.Name}";
            RequestDelegate handler = context => InvokeAsync(function, context);
            var endpoint = trigger.Methods is { Length: > 0 } methods
                ? app.MapMethods(pattern, [.. methods.Select(method => method.ToUpperInvariant())], handler)
                : app.Map(pattern, handler);
            endpoint.WithName(function.Name).WithMetadata([.. HttpFunctionAuthorization.MetadataOf(function)]);
        }

        return app;
    }

    private static async Task InvokeAsync(FunctionMethod function, HttpContext context)
    {
        // Route values are the binding data the Functions host gives an HTTP function's other parameters.
        var bindingData = context.Request.RouteValues.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        var result = await FunctionMethodInvoker.InvokeAsync(function, context.RequestServices, context.Request, bindingData, context.RequestAborted) as IResult
            ?? throw new InvalidOperationException($"The HTTP function '{function.Name}' returned null.");
        await result.ExecuteAsync(context);
    }

    private static void CheckReturnsResult(FunctionMethod function)
    {
        var returned = function.Method.ReturnType;
        var result = returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>) ? returned.GetGenericArguments()[0] : returned;
        if (!typeof(IResult).IsAssignableFrom(result))
        {
            throw new InvalidOperationException(
                $"The HTTP function '{function.Name}' returns {returned.Name}; the standalone host executes only an IResult (e.g. TypedResults), or a Task of one.");
        }
    }
}
