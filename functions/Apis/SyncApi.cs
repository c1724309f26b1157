using CowansSync.Functions.Auth;

namespace CowansSync.Functions.Apis;

/// <summary>The <c>/api</c> routes: every one needs at least the viewer role unless it says otherwise.</summary>
public static class SyncApi
{
    /// <summary>Maps the API.</summary>
    /// <param name="app">The app.</param>
    /// <returns>The <c>/api</c> group.</returns>
    public static RouteGroupBuilder MapSyncApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Roles.Viewer);
        api.MapHealthApi();
        api.MapAdminKeysApi();
        api.MapRunsApi();
        api.MapStagedChangesApi();
        api.MapSyncMonitoringApi();
        api.MapApprovalRulesApi();
        api.MapPushApi();
        api.MapEtilizeApi();
        api.MapXorosoftApi();
        api.MapProductsApi();
        return api;
    }
}
