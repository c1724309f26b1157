using System.Diagnostics.CodeAnalysis;
using Azure.Core;

namespace CowansSync.Functions.Storage;

/// <summary>Options shared by the Blob, Queue and Table clients: retries, transport, diagnostics and the service version.</summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The Storage REST versions these clients speak.</summary>
    [SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Azure SDK service-version naming.")]
    public enum ServiceVersion
    {
        /// <summary>2025-05-05: accepted by Azure and by Azurite 3.34 and later (the pinned sandbox runs 3.35).</summary>
        V2025_05_05 = 1,
    }

    /// <summary>Creates options for <paramref name="version"/>.</summary>
    /// <param name="version">The service version sent as <c>x-ms-version</c>.</param>
    public StorageClientOptions(ServiceVersion version = ServiceVersion.V2025_05_05)
    {
        Version = version switch
        {
            ServiceVersion.V2025_05_05 => "2025-05-05",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown storage service version."),
        };
        Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        Diagnostics.LoggedHeaderNames.Add("x-ms-version");
        Diagnostics.LoggedQueryParameters.Add("comp");
        Diagnostics.LoggedQueryParameters.Add("restype");
    }

    /// <summary>The <c>x-ms-version</c> header value.</summary>
    public string Version { get; }

    /// <summary>Supplies the time for the <c>x-ms-date</c> header.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
