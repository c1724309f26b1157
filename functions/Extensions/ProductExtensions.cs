using CowansSync.Functions.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Extensions;

/// <summary>Registers the local catalog and product version stores.</summary>
public static class ProductExtensions
{
    /// <summary>
    /// Registers <see cref="ProductStore"/> and <see cref="ProductVersionStore"/> as singletons, also as
    /// <see cref="IProductStore"/> and <see cref="IProductVersionStore"/>. Needs <c>AddSyncStorage</c> and a <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddProducts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ProductStore>();
        builder.Services.AddSingleton<IProductStore>(services => services.GetRequiredService<ProductStore>());
        builder.Services.AddSingleton<ProductVersionStore>();
        builder.Services.AddSingleton<IProductVersionStore>(services => services.GetRequiredService<ProductVersionStore>());
        return builder;
    }
}
