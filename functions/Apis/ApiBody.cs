using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CowansSync.Functions.Apis;

/// <summary>
/// Reads an endpoint's JSON body with the app's JSON options (snake_case, unknown properties refused), as minimal APIs
/// bound it, but answers a body that is missing, not JSON or malformed with the API's error body instead of throwing:
/// an unknown property is named (with the fields the request has), a value of the wrong type by its JSON path and the
/// type expected, anything else as <c>body</c>.
/// </summary>
public static class ApiBody
{
    /// <summary>The <c>error</c> of every refused body.</summary>
    public const string Malformed = "The request is malformed.";

    /// <summary>The largest body an endpoint reads (1 MiB: a thousand change ids take a tenth of it).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

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
    /// <returns>The body, or the answer refusing it: 400 when missing and required, or malformed; 413 over <see cref="MaxBodyBytes"/>; 415 when not JSON.</returns>
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

            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
            byte[] content = [];
            try
            {
                if (await ReadLimitedAsync(request, cancellationToken) is not { } read)
                {
                    return (null, Refused(StatusCodes.Status413PayloadTooLarge, $"is over the limit of {MaxBodyBytes / 1024} KiB: send fewer items per request"));
                }

                content = read;
                value = JsonSerializer.Deserialize<T>(content, options);
            }
            catch (JsonException error)
            {
                return (null, Refusal(Explain(content, error, options.GetTypeInfo(typeof(T)))));
            }
            catch (IOException)
            {
                return (null, Refused(StatusCodes.Status400BadRequest, "could not be read"));
            }
        }

        value ??= whenEmpty;
        return value is null ? (null, Refused(StatusCodes.Status400BadRequest, "is required")) : (value, null);
    }

    /// <summary>
    /// Reads a part of a body whose type depends on another field (e.g. a step's <c>config</c> by its <c>type</c>), with
    /// the request's JSON options; what it cannot read is added to <paramref name="errors"/> under its path.
    /// </summary>
    /// <typeparam name="T">The part's type.</typeparam>
    /// <param name="request">The request, for its JSON options.</param>
    /// <param name="part">The part as read.</param>
    /// <param name="path">Its path in the body, e.g. <c>operations[0].config</c>.</param>
    /// <param name="errors">Where refusals go.</param>
    /// <returns>The part, or <see langword="null"/> when refused.</returns>
    public static T? ReadPart<T>(HttpRequest request, JsonElement part, string path, Dictionary<string, object?> errors)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var content = JsonSerializer.SerializeToUtf8Bytes(part);
        try
        {
            return JsonSerializer.Deserialize<T>(content, options);
        }
        catch (JsonException error)
        {
            foreach (var (field, reason) in Explain(content, error, options.GetTypeInfo(typeof(T))))
            {
                errors[field == "body" ? path : $"{path}.{field}"] = reason;
            }

            return null;
        }
    }

    private static JsonHttpResult<ApiError> Refusal(Dictionary<string, object?> fields) =>
        TypedResults.Json(new ApiError(Malformed, fields), statusCode: StatusCodes.Status400BadRequest);

    // The serializer's message would name .NET types: the answer names the JSON instead — every unknown property (with
    // the fields its object takes), or the path of the value it could not read and what that field takes.
    private static Dictionary<string, object?> Explain(byte[] content, JsonException error, JsonTypeInfo type)
    {
        var unknown = UnknownProperties(content, type.Properties.Select(property => property.Name));
        if (unknown.Count > 0)
        {
            var known = FieldsOf(type);
            return unknown.ToDictionary(name => name, _ => (object?)known);
        }

        if (error.Path is not { Length: > 2 } path || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return new() { ["body"] = "is malformed" };
        }

        var field = path[2..];
        if (TypeAt(type, field) is { } target)
        {
            return new() { [field] = $"must be {Describe(target)}" };
        }

        // A nested unknown property: the path ends in a name its object does not have.
        var parent = field.LastIndexOf('.') is var dot and > 0 ? TypeAt(type, field[..dot]) : null;
        return new() { [field] = parent is null ? "has the wrong type" : FieldsOf(type.Options.GetTypeInfo(parent)) };
    }

    private static string FieldsOf(JsonTypeInfo type) => type.Properties.Count == 0
        ? "is not a field of this request (it takes none)"
        : $"is not a field of this request (its fields: {string.Join(", ", type.Properties.Select(property => property.Name).Order(StringComparer.Ordinal))})";

    // The type the request takes at a JSON path such as filter.change_type or change_ids[3]; null when the path leaves it.
    private static Type? TypeAt(JsonTypeInfo root, string path)
    {
        Type? current = root.Type;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            var property = current is null ? null : root.Options.GetTypeInfo(current).Properties.FirstOrDefault(candidate => candidate.Name == name);
            current = property?.PropertyType;
            for (var index = segment.IndexOf('[', StringComparison.Ordinal); index >= 0 && current is not null; index = segment.IndexOf('[', index + 1))
            {
                current = ItemOf(current);
            }
        }

        return current;
    }

    private static Type? ItemOf(Type list) =>
        list.GetInterfaces().Append(list).FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static List<string> UnknownProperties(byte[] content, IEnumerable<string> fields)
    {
        try
        {
            using var json = JsonDocument.Parse(content);
            var known = fields.ToHashSet(StringComparer.Ordinal);
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? [.. json.RootElement.EnumerateObject().Select(property => property.Name).Where(name => !known.Contains(name))]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // What a field takes, in JSON's words.
    private static string Describe(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(string) => "a string",
            _ when target == typeof(bool) => "true or false",
            _ when target == typeof(int) || target == typeof(long) => "a whole number",
            _ when target == typeof(decimal) || target == typeof(double) => "a number",
            _ when target == typeof(DateTimeOffset) || target == typeof(DateTime) => "a date and time (ISO 8601)",
            _ when target.IsEnum => "one of the documented values",
            _ when target != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(target) => "a list",
            _ => "an object",
        };
    }

    // The body, or null when it is over the limit (stated up front or found while reading).
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // As minimal APIs decide it: the server knows whether the request can carry a body (Content-Length > 0, chunked, HTTP/2 data).
    private static bool HasBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
        ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);

    private static JsonHttpResult<ApiError> Refused(int status, string reason) =>
        TypedResults.Json(new ApiError(Malformed, new Dictionary<string, object?> { ["body"] = reason }), statusCode: status);
}
