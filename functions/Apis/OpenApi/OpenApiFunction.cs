using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Apis.OpenApi;

/// <summary><c>GET /api/openapi.json</c> (anonymous): the API's OpenAPI 3.1 document, generated from the functions.</summary>
/// <param name="document">The document.</param>
public sealed class OpenApiFunction(OpenApiDocumentBuilder document)
{
    /// <summary>The API's OpenAPI 3.1 document: every route, its parameters, bodies, responses, error shape and role.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The document.</returns>
    [Function(nameof(GetOpenApiDocument))]
    [AllowAnonymous]
    [ProducesResponseType(typeof(object), StatusCodes.Status200OK)]
    public IResult GetOpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request)
        => TypedResults.Text(document.Json, "application/json");
}
