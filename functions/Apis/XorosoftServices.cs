using CowansSync.Functions.Settings;
using CowansSync.Functions.Xorosoft;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Apis;

/// <summary>The services the Xorosoft endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Provider">Resolves the Xorosoft adapters only once Xorosoft is known to be configured.</param>
/// <param name="Options">The Xorosoft settings.</param>
/// <param name="Time">The clock.</param>
public sealed record XorosoftServices(IServiceProvider Provider, IOptions<XorosoftOptions> Options, TimeProvider Time)
{
    /// <summary>Whether the Xorosoft settings are present.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(Options.Value.BaseUrl);

    /// <summary>Validation against the mirror and the live API.</summary>
    public IXorosoftCatalog Catalog => Provider.GetRequiredService<IXorosoftCatalog>();

    /// <summary>The live API.</summary>
    public XorosoftClient Client => Provider.GetRequiredService<XorosoftClient>();

    /// <summary>The local copy of the item catalog.</summary>
    public XorosoftMirror Mirror => Provider.GetRequiredService<XorosoftMirror>();
}
