namespace CowansSync.Functions.Apis.OpenApi;

/// <summary>
/// A query-string parameter an HTTP function reads (with <see cref="ApiQuery"/> or <see cref="Paging"/>), for the API's
/// OpenAPI document.
/// </summary>
/// <param name="name">The parameter, e.g. <c>per_page</c>.</param>
/// <param name="type">What it takes: <see cref="string"/>, <see cref="int"/>, <see cref="bool"/> or <see cref="DateTimeOffset"/>.</param>
/// <param name="description">For people.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class QueryParameterAttribute(string name, Type type, string description) : Attribute
{
    /// <summary>The parameter.</summary>
    public string Name { get; } = name;

    /// <summary>What it takes.</summary>
    public Type Type { get; } = type;

    /// <summary>For people.</summary>
    public string Description { get; } = description;
}
