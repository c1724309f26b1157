using Microsoft.AspNetCore.Diagnostics;

namespace CowansSync.Functions.Apis;

/// <summary>
/// Turns exceptions that escape an endpoint into the API's error body: malformed requests keep their 4xx status,
/// anything else is a 500 that is logged in full but answered without internals.
/// </summary>
internal sealed partial class JsonExceptionHandler(ILogger<JsonExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, error) = exception switch
        {
            BadHttpRequestException badRequest => (badRequest.StatusCode,
                new ApiError("The request is malformed.", new Dictionary<string, object?> { ["body"] = badRequest.Message })),
            _ => (StatusCodes.Status500InternalServerError,
                new ApiError("An unexpected error occurred.", new Dictionary<string, object?> { ["trace_id"] = httpContext.TraceIdentifier })),
        };
        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        await httpContext.Response.WriteAsJsonAsync(error, cancellationToken);
        return true;
    }

    [LoggerMessage(1, LogLevel.Error, "Unhandled exception in {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
