namespace CowansSync.Functions.Apis.OpenApi;

/// <summary>An HTTP function that pages its list with <see cref="Paging.Read"/>: it takes <c>page</c> and <c>per_page</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PagedAttribute : Attribute;
