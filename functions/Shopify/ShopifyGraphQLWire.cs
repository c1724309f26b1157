using System.Text.Json;

namespace CowansSync.Functions.Shopify;

/// <summary>A GraphQL response as Shopify sends it: <c>data</c>, <c>errors</c> and <c>extensions.cost</c>.</summary>
internal sealed record GraphQLEnvelope(JsonElement? Data, JsonElement? Errors, GraphQLExtensions? Extensions);

/// <summary>The response's <c>extensions</c>.</summary>
internal sealed record GraphQLExtensions(QueryCost? Cost);

/// <summary><c>extensions.cost</c>: what the query was charged and what the bucket holds now.</summary>
internal sealed record QueryCost(double RequestedQueryCost, double? ActualQueryCost, ThrottleStatus? ThrottleStatus);

/// <summary><c>extensions.cost.throttleStatus</c>: the leaky bucket after the request.</summary>
internal sealed record ThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);
