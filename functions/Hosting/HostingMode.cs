using System.Globalization;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// How the app is hosted: as an Azure Functions custom handler when the host gave it a port
/// (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c>), otherwise standalone, running its own triggers.
/// </summary>
/// <param name="CustomHandlerPort">The port the Functions host calls on 127.0.0.1; <see langword="null"/> when standalone.</param>
public sealed record HostingMode(int? CustomHandlerPort)
{
    /// <summary>The variable the Functions host sets for its custom handler.</summary>
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Whether the Functions host owns the triggers.</summary>
    public bool IsCustomHandler => CustomHandlerPort is not null;

    /// <summary>The mode's name as reported by health: <c>custom_handler</c> or <c>standalone</c>.</summary>
    public string Name => IsCustomHandler ? "custom_handler" : "standalone";

    /// <summary>Reads the mode from configuration (environment variables included).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The mode.</returns>
    /// <exception cref="InvalidOperationException">The port is not a port number.</exception>
    public static HostingMode Detect(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var port = configuration[PortVariable];
        if (string.IsNullOrWhiteSpace(port))
        {
            return new HostingMode((int?)null);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 65535
            ? new HostingMode(value)
            : throw new InvalidOperationException($"{PortVariable} must be a port number.");
    }
}
