using System.Reflection;
using CowansSync.Functions.Hosting.Standalone;
using Microsoft.AspNetCore.Authorization;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// Who may call an HTTP function, read from its method's <see cref="AuthorizeAttribute"/> and
/// <see cref="AllowAnonymousAttribute"/> the same way by both hosts: the standalone host hands them to ASP.NET Core
/// routing as endpoint metadata, the Functions host's worker middleware evaluates them itself.
/// </summary>
internal static class HttpFunctionAuthorization
{
    /// <summary>The function's authorization metadata.</summary>
    /// <param name="function">An HTTP function.</param>
    /// <returns>Its <see cref="IAuthorizeData"/> and <see cref="IAllowAnonymous"/> attributes.</returns>
    /// <exception cref="InvalidOperationException">The method declares neither: there is no default, so a forgotten attribute stops the app at start.</exception>
    public static IReadOnlyList<object> MetadataOf(FunctionMethod function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var metadata = function.Method.GetCustomAttributes().Where(a => a is IAuthorizeData or IAllowAnonymous).ToList<object>();
        return metadata.Count > 0
            ? metadata
            : throw new InvalidOperationException(
                $"The HTTP function '{function.Name}' ({function.Method.DeclaringType?.Name}.{function.Method.Name}) has neither [Authorize] nor [AllowAnonymous].");
    }
}
