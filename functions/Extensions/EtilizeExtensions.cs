using CowansSync.Functions.Etilize;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Extensions;

/// <summary>Registers the Etilize catalog reader.</summary>
public static class EtilizeExtensions
{
    /// <summary>The configuration section of the archive limits (settings <c>EtilizeArchive__*</c>).</summary>
    /// <remarks>Not under <c>Etilize</c>: any setting there marks the FTP feed as configured and requires its host and user.</remarks>
    public const string ArchiveSection = "EtilizeArchive";

    /// <summary>Registers <see cref="ICatalogFileReader"/> as <see cref="EtilizeCatalogReader"/>, with <see cref="EtilizeArchiveOptions"/> bound from <see cref="ArchiveSection"/>.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddEtilizeReader(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EtilizeArchiveOptions>().BindConfiguration(ArchiveSection);
        builder.Services.AddSingleton<ICatalogFileReader, EtilizeCatalogReader>();
        return builder;
    }
}
