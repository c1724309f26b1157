namespace CowansSync.Functions.Shopify;

/// <summary><c>data</c> of RunBulkQuery.graphql.</summary>
internal sealed record RunBulkQueryData(BulkOperationPayload BulkOperationRunQuery);

/// <summary>A bulk mutation's payload.</summary>
internal sealed record BulkOperationPayload(BulkOperationNode? BulkOperation, IReadOnlyList<BulkUserError>? UserErrors);

/// <summary>A user error of a bulk mutation.</summary>
internal sealed record BulkUserError(IReadOnlyList<string>? Field, string Message, string? Code);

/// <summary><c>data</c> of BulkOperationStatus.graphql.</summary>
internal sealed record BulkOperationStatusData(BulkOperationNode? Node);

/// <summary>A bulk operation as the documents select it (<c>objectCount</c> comes as a string; web defaults read it).</summary>
internal sealed record BulkOperationNode(string? Id, string? Status, string? ErrorCode, long ObjectCount, Uri? Url);
