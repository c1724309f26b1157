using CoreDataConverterBase = DurableTask.Core.Serializing.DataConverter;
using DataConverter = Microsoft.DurableTask.DataConverter;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>
/// DTFx's <see cref="CoreDataConverterBase"/> over the app's Durable Task <see cref="DataConverter"/>, so what
/// <see cref="DurableTask.Core.TaskHubClient"/> writes (inputs, events, termination output) is the same
/// System.Text.Json the orchestrations read, not DTFx's default Newtonsoft JSON with <c>$type</c>.
/// </summary>
/// <param name="inner">The app's converter.</param>
internal sealed class CoreDataConverter(DataConverter inner) : CoreDataConverterBase
{
    /// <inheritdoc />
    public override string Serialize(object value) => inner.Serialize(value)!;

    /// <inheritdoc />
    public override string Serialize(object value, bool formatted) => Serialize(value);

    /// <inheritdoc />
    public override object Deserialize(string data, Type objectType) => inner.Deserialize(data, objectType)!;
}
