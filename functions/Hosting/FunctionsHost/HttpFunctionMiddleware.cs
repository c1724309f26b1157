using System.Collections.Frozen;
using CowansSync.Functions.Hosting.Standalone;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CowansSync.Functions.Hosting.FunctionsHost;

/// <summary>
/// Under the Functions host, what the standalone host's ASP.NET Core middleware does around an HTTP function (there
/// the host, not the worker's pipeline, routes the request): authenticates and authorizes the caller against the
/// method's <c>[Authorize]</c>/<c>[AllowAnonymous]</c> as <c>UseAuthorization</c> does, and answers an unhandled exception
/// as <c>UseExceptionHandler</c> does. The 401/403 and 500 bodies are written by the same
/// <see cref="IAuthorizationMiddlewareResultHandler"/> and <see cref="IExceptionHandler"/> the standalone host uses.
/// </summary>
internal sealed class HttpFunctionMiddleware : IFunctionsWorkerMiddleware
{
    // Looked up by function name: unique in the app and what the host's function definition carries.
    private static readonly Lazy<FrozenDictionary<string, IReadOnlyList<object>>> Authorization = new(() =>
        FunctionMethods.FromAssembly(typeof(HttpFunctionMiddleware).Assembly).Of<HttpTriggerAttribute>()
            .ToFrozenDictionary(http => http.Function.Name, http => HttpFunctionAuthorization.MetadataOf(http.Function), StringComparer.OrdinalIgnoreCase));

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        // An HTTP function this assembly does not declare would otherwise run unchecked: refuse it (fail closed).
        var metadata = Authorization.Value.GetValueOrDefault(context.FunctionDefinition.Name)
            ?? throw new InvalidOperationException($"No HTTP function named '{context.FunctionDefinition.Name}' is declared in this app.");
        try
        {
            if (await AuthorizeAsync(http, metadata))
            {
                await next(context);
            }
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            foreach (var handler in http.RequestServices.GetServices<IExceptionHandler>())
            {
                if (await handler.TryHandleAsync(http, exception, http.RequestAborted))
                {
                    return;
                }
            }

            throw;
        }
    }

    // The steps of ASP.NET Core's AuthorizationMiddleware; false when the result handler has answered 401/403.
    private static async Task<bool> AuthorizeAsync(HttpContext http, IReadOnlyList<object> metadata)
    {
        var services = http.RequestServices;
        var policy = await AuthorizationPolicy.CombineAsync(
            services.GetRequiredService<IAuthorizationPolicyProvider>(), metadata.OfType<IAuthorizeData>(), []);
        if (policy is null)
        {
            return true;
        }

        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, http);
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return true;
        }

        var authorization = await evaluator.AuthorizeAsync(policy, authentication, http, resource: http);
        var allowed = false;
        await services.GetRequiredService<IAuthorizationMiddlewareResultHandler>().HandleAsync(
            _ =>
            {
                allowed = true;
                return Task.CompletedTask;
            },
            http, policy, authorization);
        return allowed;
    }
}
