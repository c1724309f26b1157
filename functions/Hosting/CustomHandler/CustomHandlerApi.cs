using System.Text.Json;
using CowansSync.Functions.Apis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CowansSync.Functions.Hosting.CustomHandler;

/// <summary>
/// The routes only the Functions host calls in custom-handler mode: <c>GET /</c> (readiness) and
/// <c>POST /{FunctionName}</c> for each timer and queue function. Never mapped in standalone mode, where
/// they would be an unauthenticated way to run any function.
/// </summary>
public static class CustomHandlerApi
{
    private const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    /// <summary>Maps the readiness route and one invocation route per non-HTTP function.</summary>
    /// <param name="app">The app.</param>
    /// <param name="catalog">The functions.</param>
    /// <returns>The app.</returns>
    public static IEndpointRouteBuilder MapCustomHandlerApi(this IEndpointRouteBuilder app, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        app.MapGet("/", Ready).WithName("CustomHandlerReady");
        foreach (var definition in catalog.Definitions.Where(d => d.Trigger is TimerTrigger or QueueTrigger))
        {
            app.MapPost($"/{definition.Name}",
                    (InvocationRequest request, HttpContext context, FunctionInvoker invoker, TimeProvider timeProvider, CancellationToken cancellationToken) =>
                        InvokeAsync(definition, request, context, invoker, timeProvider, cancellationToken))
                .WithName($"Invoke{definition.Name}");
        }

        return app;
    }

    /// <summary>Any answer tells the host the handler is up.</summary>
    /// <returns>200.</returns>
    public static Ok<string> Ready() => TypedResults.Ok("ready");

    /// <summary>Runs the function for one host invocation; a failed handler answers 500 so the host retries or poisons.</summary>
    /// <param name="definition">The function.</param>
    /// <param name="request">The host's invocation body.</param>
    /// <param name="context">The request, for the host's invocation id.</param>
    /// <param name="invoker">Runs the handler.</param>
    /// <param name="timeProvider">The clock, for a timer invocation that does not say its occurrence.</param>
    /// <param name="cancellationToken">Aborted when the host gives up.</param>
    /// <returns>200 with the invocation response, 400 for a body without the trigger value, 500 when the handler failed.</returns>
    public static async Task<Results<Ok<InvocationResponse>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> InvokeAsync(
        FunctionDefinition definition, InvocationRequest request, HttpContext context, FunctionInvoker invoker, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (request.Data?.TryGetValue(definition.Trigger.BindingName, out var triggerValue) != true)
        {
            return TypedResults.BadRequest(new ApiError("The invocation has no trigger value.",
                new Dictionary<string, object?> { [$"Data.{definition.Trigger.BindingName}"] = "required" }));
        }

        var invocationId = context.Request.Headers[InvocationIdHeader].FirstOrDefault() ?? Guid.NewGuid().ToString();
        var result = definition.Trigger switch
        {
            TimerTrigger => await invoker.InvokeTimerAsync(definition.Name, ReadTimer(triggerValue, timeProvider.GetUtcNow()), invocationId, cancellationToken),
            _ => await invoker.InvokeQueueAsync(definition.Name, ReadQueueMessage(triggerValue, request.Metadata), invocationId, cancellationToken),
        };

        return result.Succeeded
            ? TypedResults.Ok(new InvocationResponse(new Dictionary<string, object?>(), [result.Summary], null))
            : TypedResults.Json(new ApiError($"The function '{definition.Name}' failed.",
                new Dictionary<string, object?> { ["invocation_id"] = invocationId, ["reason"] = result.Error!.Message }),
                statusCode: StatusCodes.Status500InternalServerError);
    }

    // The host sends TimerInfo: {"Schedule":…, "ScheduleStatus":{"Last","Next","LastUpdated"}, "IsPastDue":…}. Before it
    // invokes, ScheduleStatus still describes the previous run, so its Next is the occurrence being run.
    private static TimerInvocation ReadTimer(JsonElement value, DateTimeOffset now)
    {
        var timer = TriggerData.ReadJson(value);
        var status = timer.ValueKind == JsonValueKind.Object && timer.TryGetProperty("ScheduleStatus", out var s) ? s : default;
        var isPastDue = timer.ValueKind == JsonValueKind.Object && timer.TryGetProperty("IsPastDue", out var p) && p.ValueKind == JsonValueKind.True;
        return new TimerInvocation(TriggerData.ReadTime(status, "Next") ?? now, isPastDue);
    }

    private static QueueMessageInvocation ReadQueueMessage(JsonElement value, IReadOnlyDictionary<string, JsonElement>? metadata) =>
        new(TriggerData.ReadText(metadata, "Id") ?? string.Empty, TriggerData.ReadString(value), TriggerData.ReadInt64(metadata, "DequeueCount") ?? 1);
}
