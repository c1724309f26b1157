namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>Which flow produced a staged change (the API's <c>sync_direction</c>).</summary>
public enum ChangeDirection
{
    /// <summary>An Etilize catalog row, validated by Xorosoft, proposes content and ERP values.</summary>
    EtilizeImport,

    /// <summary>Shopify's state proposes changes to the local catalog.</summary>
    PullFromShopify,

    /// <summary>The local catalog proposes changes to Shopify.</summary>
    PushToShopify,

    /// <summary>Xorosoft's stock, cost and prices propose changes.</summary>
    XorosoftInventory,

    /// <summary>A person edited the product.</summary>
    Manual,

    /// <summary>The before-image of an applied change is restored.</summary>
    Rollback,
}
