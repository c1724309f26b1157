using System.Globalization;

namespace CowansSync.Functions.Apis;

/// <summary>
/// The query-string values of the API's endpoints. An absent value is <see langword="null"/>; one that does not parse is
/// named in the caller's field errors (answered as a 400 with the endpoint's other errors), never thrown.
/// </summary>
public static class ApiQuery
{
    /// <summary>A value as text; a repeated parameter reads as its values joined with commas.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter, e.g. <c>batch_id</c>.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    public static string? Text(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.TryGetValue(name, out var values) ? values.ToString() : null;
    }

    /// <summary>A whole number, e.g. <c>page</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter.</param>
    /// <param name="errors">Receives the parameter's error when it is given but is not a whole number (an empty value included).</param>
    /// <returns>The number, or <see langword="null"/> when absent or bad.</returns>
    public static int? WholeNumber(HttpRequest request, string name, Dictionary<string, object?> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Text(request, name) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = $"'{text}' is not a whole number";
        return null;
    }
}
