using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Core = DurableTask.Core;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>Translates DTFx's instance states and statuses to and from the Durable Task client's.</summary>
internal static class OrchestrationStates
{
    // Their values agree (DTFx's enum is the origin of the client's), but a match by name survives a reordering.
    /// <summary>The client's status for a DTFx status.</summary>
    public static OrchestrationRuntimeStatus FromCore(Core.OrchestrationStatus status) =>
        Enum.TryParse<OrchestrationRuntimeStatus>(status.ToString(), out var runtimeStatus) ? runtimeStatus : (OrchestrationRuntimeStatus)(int)status;

    /// <summary>DTFx's status for a client status.</summary>
    public static Core.OrchestrationStatus ToCore(OrchestrationRuntimeStatus status) =>
        Enum.TryParse<Core.OrchestrationStatus>(status.ToString(), out var coreStatus) ? coreStatus : (Core.OrchestrationStatus)(int)status;

    /// <summary>The client's view of an instance.</summary>
    /// <param name="state">The instance's state.</param>
    /// <param name="getInputsAndOutputs">Whether to include input, output and custom status (and the converter that reads them).</param>
    /// <param name="dataConverter">The hub's converter.</param>
    /// <returns>The metadata.</returns>
    public static OrchestrationMetadata ToMetadata(Core.OrchestrationState state, bool getInputsAndOutputs, DataConverter dataConverter)
    {
        var status = FromCore(state.OrchestrationStatus);
        return new OrchestrationMetadata(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = getInputsAndOutputs ? dataConverter : null,
            RuntimeStatus = status,
            CreatedAt = AsUtc(state.CreatedTime),
            LastUpdatedAt = AsUtc(state.LastUpdatedTime),
            SerializedInput = getInputsAndOutputs ? state.Input : null,
            SerializedOutput = getInputsAndOutputs ? state.Output : null,
            SerializedCustomStatus = getInputsAndOutputs ? state.Status : null,
            Tags = new Dictionary<string, string>(state.Tags ?? new Dictionary<string, string>()),
            FailureDetails = status == OrchestrationRuntimeStatus.Failed ? FailureOf(state) : null,
        };
    }

    /// <summary>The client's failure details for DTFx's.</summary>
    public static TaskFailureDetails FromCore(Core.FailureDetails details) =>
        new(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is { } inner ? FromCore(inner) : null, details.Properties);

    // The Azure Storage provider keeps a failed instance's FailureDetails only in its history: the instance row
    // (which queries and status reads return) holds them as its output, "ErrorType: ErrorMessage".
    private static TaskFailureDetails? FailureOf(Core.OrchestrationState state)
    {
        if (state.FailureDetails is { } details)
        {
            return FromCore(details);
        }

        if (string.IsNullOrEmpty(state.Output))
        {
            return null;
        }

        var separator = state.Output.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0 && !state.Output[..separator].Contains(' ', StringComparison.Ordinal)
            ? new TaskFailureDetails(state.Output[..separator], state.Output[(separator + 2)..], null, null, null)
            : new TaskFailureDetails(typeof(Exception).FullName!, state.Output, null, null, null);
    }

    // DTFx's times are UTC, some with Kind unspecified (read back from table storage).
    private static DateTimeOffset AsUtc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
