using CowansSync.Functions.Hosting.FunctionsHost;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Extensions;

/// <summary>The API's authorization and error answers for HTTP functions run by the Functions host.</summary>
public static class FunctionsHostApiExtensions
{
    /// <summary>
    /// Adds the worker middleware that authorizes each HTTP function by its <c>[Authorize]</c>/<c>[AllowAnonymous]</c> and
    /// answers 401/403/500 with the API's error body. Call it in the Functions-host branch after
    /// <c>ConfigureFunctionsWebApplication()</c> (which makes the request's <see cref="HttpContext"/> available), with the
    /// API's services (<c>AddApiConventions</c>, <c>AddApiAuth</c>) registered.
    /// </summary>
    /// <param name="builder">The worker's builder.</param>
    /// <returns>The builder.</returns>
    public static IFunctionsWorkerApplicationBuilder UseApiAuthorizationAndErrors(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseMiddleware<HttpFunctionMiddleware>();
    }
}
