using CowansSync.Functions.Apis;
using CowansSync.Functions.Extensions;

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
app.MapSyncApi();
app.MapFunctionHost();
app.Run();

/// <summary>Entry point; partial so <c>WebApplicationFactory&lt;Program&gt;</c> can see it in tests.</summary>
public partial class Program;
