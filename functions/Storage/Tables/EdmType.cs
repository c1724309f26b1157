namespace CowansSync.Functions.Storage.Tables;

/// <summary>The OData type annotations the Table service uses for values JSON cannot tell apart.</summary>
internal static class EdmType
{
    public const string AnnotationSuffix = "@odata.type";
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";

    /// <summary>
    /// The service's date format: UTC with all seven fractional digits, so a <see cref="DateTimeOffset"/>
    /// keeps its ticks.
    /// </summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
