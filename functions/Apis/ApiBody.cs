using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CowansSync.Functions.Apis;

/// <summary>
/// Reads an endpoint's JSON body with the app's JSON options (snake_case), as minimal APIs bound it, but answers a body
/// that is missing, not JSON or malformed with the API's error body naming <c>body</c> instead of throwing.
/// </summary>
public static class ApiBody
{
    /// <summary>The <c>error</c> of every refused body.</summary>
    public const string Malformed = "The request is malformed.";

    /// <summary>Reads a required body.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The body, or the answer refusing it: 400 when missing (JSON <c>null</c> included) or malformed, 415 when not JSON.</returns>
    public static Task<(T? Value, JsonHttpResult<ApiError>? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class => ReadAsync<T>(request, whenEmpty: null, cancellationToken);

    /// <summary>Reads an optional body.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="whenEmpty">The body when none is sent (or JSON <c>null</c>); <see langword="null"/> makes the body required.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The body, or the answer refusing it: 400 when missing and required, or malformed; 415 when not JSON.</returns>
    public static async Task<(T? Value, JsonHttpResult<ApiError>? Error)> ReadAsync<T>(HttpRequest request, T? whenEmpty, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        T? value = null;
        if (HasBody(request))
        {
            if (!request.HasJsonContentType())
            {
                return (null, Refused(StatusCodes.Status415UnsupportedMediaType, "must be JSON (Content-Type: application/json)"));
            }

            try
            {
                value = await request.ReadFromJsonAsync<T>(cancellationToken);
            }
            catch (JsonException error)
            {
                // The path names the offending property; the serializer's message would name .NET types.
                return (null, Refused(StatusCodes.Status400BadRequest, error.Path is { } path ? $"is malformed or has the wrong type at {path}" : "is malformed"));
            }
            catch (IOException)
            {
                return (null, Refused(StatusCodes.Status400BadRequest, "could not be read"));
            }
        }

        value ??= whenEmpty;
        return value is null ? (null, Refused(StatusCodes.Status400BadRequest, "is required")) : (value, null);
    }

    // As minimal APIs decide it: the server knows whether the request can carry a body (Content-Length > 0, chunked, HTTP/2 data).
    private static bool HasBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
        ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);

    private static JsonHttpResult<ApiError> Refused(int status, string reason) =>
        TypedResults.Json(new ApiError(Malformed, new Dictionary<string, object?> { ["body"] = reason }), statusCode: status);
}
