namespace CowansSync.Functions.Apis.OpenApi;

/// <summary>
/// The JSON body an HTTP function reads (with <see cref="ApiBody"/>), for the API's OpenAPI document: the body's type is
/// inside the handler, not in its signature.
/// </summary>
/// <param name="type">The body's type.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonRequestBodyAttribute(Type type) : Attribute
{
    /// <summary>The body's type.</summary>
    public Type Type { get; } = type;

    /// <summary>Whether a request must send it (an optional body takes its defaults when empty).</summary>
    public bool Required { get; init; } = true;
}
