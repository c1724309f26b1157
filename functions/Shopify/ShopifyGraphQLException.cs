namespace CowansSync.Functions.Shopify;

/// <summary>
/// Shopify refused a GraphQL request for a reason other than throttling (invalid document, bad variables,
/// authentication, or retries used up). The message names the document and Shopify's messages; it never
/// holds the access token.
/// </summary>
public sealed class ShopifyGraphQLException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShopifyGraphQLException()
        : this("Shopify refused the GraphQL request.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ShopifyGraphQLException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ShopifyGraphQLException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorMessages = [message];
    }

    /// <summary>Creates the exception for one document's errors.</summary>
    /// <param name="documentName">The document Shopify refused.</param>
    /// <param name="errorMessages">Shopify's error messages.</param>
    /// <param name="statusCode">The HTTP status, when it was not 200.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ShopifyGraphQLException(string documentName, IReadOnlyList<string> errorMessages, int? statusCode, Exception? innerException = null)
        : base($"Shopify refused {documentName}{(statusCode is { } code ? $" (HTTP {code})" : string.Empty)}: {string.Join(" | ", errorMessages ?? [])}", innerException)
    {
        DocumentName = documentName;
        ErrorMessages = errorMessages ?? [];
        StatusCode = statusCode;
    }

    /// <summary>The document Shopify refused.</summary>
    public string? DocumentName { get; }

    /// <summary>Shopify's error messages, in order.</summary>
    public IReadOnlyList<string> ErrorMessages { get; }

    /// <summary>The HTTP status, when it was not 200.</summary>
    public int? StatusCode { get; }
}
