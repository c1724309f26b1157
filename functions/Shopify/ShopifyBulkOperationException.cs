namespace CowansSync.Functions.Shopify;

/// <summary>
/// A bulk export could not start, did not finish, or its result could not be read: one is already running
/// (<see cref="ErrorCode"/> <c>OPERATION_IN_PROGRESS</c>), it failed (Shopify's error code), was canceled or expired,
/// or a result line is malformed (the message names the line).
/// </summary>
public sealed class ShopifyBulkOperationException : Exception
{
    /// <summary>Shopify's code for a start refused because another bulk operation of its kind runs.</summary>
    public const string OperationInProgress = "OPERATION_IN_PROGRESS";

    /// <summary>Creates the exception.</summary>
    public ShopifyBulkOperationException()
        : this("The Shopify bulk operation did not complete.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ShopifyBulkOperationException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ShopifyBulkOperationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one operation.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="operationId">The operation's GID, when there is one.</param>
    /// <param name="errorCode">Shopify's error or user-error code, when it gave one.</param>
    public ShopifyBulkOperationException(string message, string? operationId, string? errorCode)
        : base(message)
    {
        OperationId = operationId;
        ErrorCode = errorCode;
    }

    /// <summary>The operation's GID, when there is one.</summary>
    public string? OperationId { get; }

    /// <summary>Shopify's code: a <c>BulkOperationErrorCode</c> of a failed operation, or a user-error code such as <c>OPERATION_IN_PROGRESS</c>.</summary>
    public string? ErrorCode { get; }
}
