using CowansSync.Functions.Extensions;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Hosting.Standalone;
using Microsoft.Azure.Functions.Worker.Builder;

var mode = HostingMode.Detect(args);
if (mode == HostingMode.FunctionsHost)
{
    var functionsHost = FunctionsApplication.CreateBuilder(args);
    functionsHost.ConfigureFunctionsWebApplication();
    functionsHost.UseApiAuthorizationAndErrors();
    functionsHost.AddSyncServices(mode);
    functionsHost.AddWorkerApplicationInsights();
    functionsHost.Build().Run();
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddStandaloneHost();
builder.AddSyncServices(mode);

var app = builder.Build();
app.UseApiConventions();
app.UseAuthentication();
app.UseAuthorization();
app.MapHttpFunctions(app.Services.GetRequiredService<FunctionMethods>());
app.Run();

/// <summary>Entry point; partial so <c>WebApplicationFactory&lt;Program&gt;</c> can see it in tests.</summary>
public partial class Program;
