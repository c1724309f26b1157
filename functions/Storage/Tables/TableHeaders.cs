namespace CowansSync.Functions.Storage.Tables;

/// <summary>The OData headers every Table request carries, directly or inside a transaction.</summary>
internal static class TableHeaders
{
    /// <summary>Minimal metadata keeps the <c>@odata.type</c> annotations (no metadata would lose Int64, DateTime, Guid and Binary).</summary>
    public const string Accept = "application/json;odata=minimalmetadata";

    public const string DataServiceVersion = "3.0";

    public const string JsonContentType = "application/json";

    /// <summary>Inserts answer 204 with the ETag instead of echoing the entity back.</summary>
    public const string ReturnNoContent = "return-no-content";
}
