using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using System.Xml.Linq;
using CowansSync.Functions.Hosting.Standalone;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CowansSync.Functions.Apis.OpenApi;

/// <summary>
/// The API's OpenAPI 3.1 document, generated from the code: one operation per <c>[HttpTrigger]</c> function — its route
/// and methods; its path parameters from the route, its query parameters and body from <see cref="QueryParameterAttribute"/>,
/// <see cref="PagedAttribute"/> and <see cref="JsonRequestBodyAttribute"/>; its responses from its typed results
/// (<c>Results&lt;Ok&lt;T&gt;, NotFound&lt;ApiError&gt;&gt;</c>) and <c>[ProducesResponseType]</c>; its summary from its XML
/// documentation; its role from <c>[Authorize]</c>. Schemas are System.Text.Json's own (<see cref="JsonSchemaExporter"/>)
/// under the API's JSON options, so they describe exactly what is sent and read.
/// </summary>
public sealed class OpenApiDocumentBuilder
{
    /// <summary>The bearer scheme's name in the document.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>The extension naming the lowest role an operation requires.</summary>
    public const string RoleExtension = "x-required-role";

    private readonly Lazy<string> _document;

    /// <summary>A builder of the document of these functions.</summary>
    /// <param name="functions">The app's functions.</param>
    /// <param name="json">The API's JSON options.</param>
    internal OpenApiDocumentBuilder(FunctionMethods functions, IOptions<HttpJsonOptions> json) =>
        _document = new(() => new Writer(functions, json.Value.SerializerOptions).Write().ToJsonString());

    /// <summary>The document as JSON; built once.</summary>
    public string Json => _document.Value;

    private sealed class Writer(FunctionMethods functions, JsonSerializerOptions apiOptions)
    {
        private readonly JsonSerializerOptions _options = new(apiOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        private readonly JsonObject _schemas = [];
        private readonly XDocument? _documentation = LoadDocumentation();

        public JsonObject Write()
        {
            var paths = new JsonObject();
            foreach (var (function, trigger) in functions.Of<HttpTriggerAttribute>().OrderBy(pair => pair.Trigger.Route, StringComparer.Ordinal))
            {
                var route = RoutePatternFactory.Parse(trigger.Route ?? function.Name);
                var path = "/" + HttpFunctionEndpoints.RoutePrefix + "/" + string.Join('/', route.PathSegments.Select(segment => string.Concat(segment.Parts.Select(Text))));
                var item = paths[path] as JsonObject ?? [];
                paths[path] = item;
                foreach (var method in trigger.Methods ?? ["get"])
                {
                    item[method.ToLowerInvariant()] = Operation(function, route);
                }
            }

            return new JsonObject
            {
                ["openapi"] = "3.1.1",
                ["info"] = new JsonObject
                {
                    ["title"] = "CowansSync API",
                    ["version"] = typeof(OpenApiDocumentBuilder).Assembly.GetName().Version?.ToString() ?? "1.0.0",
                    ["description"] = "Staged catalog changes between Etilize, Xorosoft and Shopify: review, push, roll back, pull, schedules. " +
                        "Every error is {error, details}: details names each refused field or parameter.",
                },
                ["paths"] = paths,
                ["components"] = new JsonObject
                {
                    ["securitySchemes"] = new JsonObject
                    {
                        [BearerScheme] = new JsonObject
                        {
                            ["type"] = "http",
                            ["scheme"] = "bearer",
                            ["description"] = "An API key (POST /api/admin/keys) as the bearer token; in Azure also a Microsoft Entra token through App Service authentication. " +
                                "Roles: viewer < operator < approver < admin; each operation's x-required-role is the lowest it takes.",
                        },
                    },
                    ["schemas"] = _schemas,
                },
            };
        }

        private static string Text(RoutePatternPart part) => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        };

        private JsonObject Operation(FunctionMethod function, RoutePattern route)
        {
            var method = function.Method;
            var operation = new JsonObject
            {
                ["operationId"] = function.Name,
                ["tags"] = new JsonArray(Tag(method)),
            };
            if (Summary(method) is { } summary)
            {
                operation["summary"] = summary;
            }

            var parameters = new JsonArray();
            foreach (var parameter in route.Parameters)
            {
                parameters.Add(new JsonObject { ["name"] = parameter.Name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
            }

            var query = method.GetCustomAttributes<QueryParameterAttribute>().ToList();
            if (method.GetCustomAttribute<PagedAttribute>() is not null)
            {
                query.Add(new QueryParameterAttribute("page", typeof(int), "The page, from 1 (default 1)."));
                query.Add(new QueryParameterAttribute("per_page", typeof(int), $"Items per page, 1 to {Paging.MaxPerPage} (default {Paging.DefaultPerPage})."));
            }

            foreach (var parameter in query)
            {
                parameters.Add(new JsonObject { ["name"] = parameter.Name, ["in"] = "query", ["description"] = parameter.Description, ["schema"] = Schema(parameter.Type) });
            }

            if (parameters.Count > 0)
            {
                operation["parameters"] = parameters;
            }

            if (method.GetCustomAttribute<JsonRequestBodyAttribute>() is { } body)
            {
                operation["requestBody"] = new JsonObject { ["required"] = body.Required, ["content"] = Json(body.Type) };
            }

            var responses = new JsonObject();
            foreach (var produced in Responses(method).OrderBy(response => response.StatusCode))
            {
                var response = new JsonObject { ["description"] = ReasonPhrases.GetReasonPhrase(produced.StatusCode) };
                if (produced.Type is { } type && type != typeof(void))
                {
                    response["content"] = Json(type);
                }

                responses[produced.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
            }

            responses["default"] = new JsonObject { ["description"] = "An error: what was refused, by field or parameter.", ["content"] = Json(typeof(ApiError)) };
            operation["responses"] = responses;
            if (method.GetCustomAttribute<AuthorizeAttribute>() is { Policy: { } role })
            {
                operation["security"] = new JsonArray(new JsonObject { [BearerScheme] = new JsonArray() });
                operation[RoleExtension] = role;
            }
            else
            {
                operation["security"] = new JsonArray();
            }

            return operation;
        }

        // What the typed results declare (each populates its endpoint metadata), and [ProducesResponseType] for an IResult.
        private static IEnumerable<(int StatusCode, Type? Type)> Responses(MethodInfo method)
        {
            var returned = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
                ? method.ReturnType.GetGenericArguments()[0]
                : method.ReturnType;
            var declared = method.GetCustomAttributes<ProducesResponseTypeAttribute>().Select(attribute => (attribute.StatusCode, (Type?)attribute.Type)).ToList();
            if (returned.GetInterfaces().Contains(typeof(IEndpointMetadataProvider)))
            {
                var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/"), 0);
                var populate = returned.GetInterfaceMap(typeof(IEndpointMetadataProvider)).TargetMethods.Single();
                populate.Invoke(null, [method, builder]);
                declared.AddRange(builder.Metadata.OfType<IProducesResponseTypeMetadata>().Select(metadata => (metadata.StatusCode, metadata.Type)));
            }

            return declared.DistinctBy(response => response.StatusCode);
        }

        private JsonObject Json(Type type) => new() { ["application/json"] = new JsonObject { ["schema"] = Schema(type) } };

        // A named type goes to components once and is referred to; a primitive stands inline.
        private JsonNode Schema(Type type)
        {
            var schema = JsonSchemaExporter.GetJsonSchemaAsNode(_options, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            if (type.IsPrimitive || type == typeof(string) || type == typeof(DateTimeOffset) || Nullable.GetUnderlyingType(type) is not null)
            {
                return schema;
            }

            var name = SchemaName(type);
            _schemas[name] ??= schema;
            return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
        }

        private static string SchemaName(Type type) =>
            type.IsGenericType
                ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}Of{string.Concat(type.GetGenericArguments().Select(SchemaName))}"
                : type.Name;

        private static string Tag(MethodInfo method) => method.DeclaringType?.Name is { } name && name.EndsWith("Api", StringComparison.Ordinal) ? name[..^3] : method.DeclaringType?.Name ?? "api";

        // The method's <summary>, from the XML documentation the build writes beside the assembly.
        private string? Summary(MethodInfo method)
        {
            var prefix = $"M:{method.DeclaringType?.FullName}.{method.Name}(";
            var member = _documentation?.Root?.Element("members")?.Elements("member")
                .FirstOrDefault(element => element.Attribute("name")?.Value.StartsWith(prefix, StringComparison.Ordinal) == true);
            var text = member?.Element("summary") is { } summary ? string.Concat(summary.Nodes().Select(Words)) : null;
            return string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        // <see cref="T:A.B.C"/> reads as C, <see langword="null"/> as null, any other element as its text.
        private static string Words(XNode node) => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" } see => see.Attribute("cref")?.Value.Split('.')[^1] ?? see.Attribute("langword")?.Value ?? see.Value,
            XElement element => string.Concat(element.Nodes().Select(Words)),
            _ => string.Empty,
        };

        private static XDocument? LoadDocumentation()
        {
            var file = Path.Combine(AppContext.BaseDirectory, $"{typeof(OpenApiDocumentBuilder).Assembly.GetName().Name}.xml");
            return File.Exists(file) ? XDocument.Load(file) : null;
        }
    }
}
