namespace CowansSync.Functions.Hosting;

/// <summary>
/// Who runs the app's functions: the Azure Functions host, which launched this process as its isolated worker, or the
/// app itself, standalone (<c>dotnet CowansSync.Functions.dll</c>, tests, a container), running its own triggers.
/// </summary>
public sealed record HostingMode
{
    /// <summary>The setting the worker reads its host's gRPC endpoint from; the host passes it as <c>--functions-uri</c>.</summary>
    public const string HostEndpointSetting = "Functions:Worker:HostEndpoint";

    // The native host (FunctionsNetHost, e.g. Flex Consumption) loads the worker in its own process and sets this instead of passing an endpoint.
    private const string NativeHostData = "AZURE_FUNCTIONS_NATIVE_HOST";

    // What the worker itself maps the host's arguments to (Microsoft.Azure.Functions.Worker, WorkerHostBuilderExtensions).
    private static readonly Dictionary<string, string> HostArguments = new(StringComparer.Ordinal)
    {
        ["--functions-uri"] = HostEndpointSetting,
        ["--functions-worker-id"] = "Functions:Worker:WorkerId",
        ["--functions-request-id"] = "Functions:Worker:RequestId",
        ["--functions-grpc-max-message-length"] = "Functions:Worker:GrpcMaxMessageLength",
    };

    private HostingMode(string name) => Name = name;

    /// <summary>The Functions host launched the worker and owns the triggers.</summary>
    public static HostingMode FunctionsHost { get; } = new("functions_host");

    /// <summary>No Functions host: the app runs its HTTP, timer, queue and Durable functions itself.</summary>
    public static HostingMode Standalone { get; } = new("standalone");

    /// <summary>The mode's name as health reports it: <c>functions_host</c> or <c>standalone</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// Tells the modes apart the way the worker finds its host: a host endpoint (<c>--functions-uri</c> on the command line,
    /// or <c>Functions__Worker__HostEndpoint</c> in the environment), or the native host's marker.
    /// </summary>
    /// <param name="args">The process's command-line arguments.</param>
    /// <returns>The mode.</returns>
    public static HostingMode Detect(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (AppContext.GetData(NativeHostData) is not null)
        {
            return FunctionsHost;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args, HostArguments).Build();
        return string.IsNullOrWhiteSpace(configuration[HostEndpointSetting]) ? Standalone : FunctionsHost;
    }
}
