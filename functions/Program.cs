using CowansSync.Functions.Apis;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Extensions;
using CowansSync.Functions.Hosting.Standalone;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHosting();
builder.AddJsonLogging();
builder.AddSyncSettings();
builder.AddSyncStorage();
builder.AddStaging();
builder.AddProducts();
builder.AddApiConventions();
builder.AddApiAuth();
builder.AddWorkflows();
builder.AddEtilizeReader();
builder.AddEtilizeFtp();
builder.AddXorosoft();
builder.AddShopify();
builder.AddImportWorkflow();
builder.AddPushWorkflow();

var app = builder.Build();
app.UseApiConventions();
app.UseAuthentication();
app.UseAuthorization();
app.MapHttpFunctions(FunctionMethods.FromAssembly(typeof(Program).Assembly));
app.MapGroup("/api").RequireAuthorization(Roles.Viewer).MapRunsApi();
app.MapFunctionHost();
app.Run();

/// <summary>Entry point; partial so <c>WebApplicationFactory&lt;Program&gt;</c> can see it in tests.</summary>
public partial class Program;
