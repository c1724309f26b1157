using Azure;

namespace CowansSync.Functions.Storage.Tables;

/// <summary>The answer to a read that may find nothing: Azure.Core has no public factory for it.</summary>
internal sealed class TableEntityResponse(TableEntity? value, Response response) : NullableResponse<TableEntity>
{
    public override bool HasValue => value is not null;

    /// <summary>The entity, or <see langword="null"/> when it does not exist.</summary>
    public override TableEntity? Value => value;

    public override Response GetRawResponse() => response;
}
