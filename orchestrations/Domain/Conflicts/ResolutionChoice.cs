namespace CowansSync.Orchestrations.Domain.Conflicts;

/// <summary>Which value settles a conflict (the API's <c>resolution</c>).</summary>
public enum ResolutionChoice
{
    /// <summary>Keep the local catalog's value (Etilize or Xorosoft data, or a local edit).</summary>
    UseLocal,

    /// <summary>Take the store's value.</summary>
    UseShopify,

    /// <summary>A person supplies the value.</summary>
    Custom,
}
