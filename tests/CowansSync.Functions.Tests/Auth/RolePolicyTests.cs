using System.Net;
using System.Text;
using System.Text.Json;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Auth;

/// <summary>viewer &lt; operator &lt; approver &lt; admin, as the app's own policies enforce it; and Easy Auth principals.</summary>
public sealed class RolePolicyTests
{
    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var caller in Roles.All)
        {
            foreach (var policy in Roles.All)
            {
                data.Add(caller, policy, Roles.All.ToList().IndexOf(caller) >= Roles.All.ToList().IndexOf(policy));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task AuthorizeAsync_RoleAgainstPolicy_AllowsOnlyThatRoleAndAbove(string callerRole, string policy, bool expected)
    {
        // Arrange
        var appRoot = TestAppRoot.Create();
        await using var app = new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
        var sut = app.Services.GetRequiredService<IAuthorizationService>();
        var caller = ApiClaims.CreatePrincipal(ApiKeyAuthenticationHandler.SchemeName, "k1", "test", callerRole);

        // Act
        var result = await sut.AuthorizeAsync(caller, policy);

        // Assert
        Assert.Equal(expected, result.Succeeded);
    }

    [Theory]
    [InlineData("true", "admin", HttpStatusCode.OK)]
    [InlineData("true", "Viewer", HttpStatusCode.Forbidden)]
    [InlineData("true", "someone-else", HttpStatusCode.Forbidden)]
    [InlineData("false", "admin", HttpStatusCode.Unauthorized)]
    public async Task ListKeys_EasyAuthPrincipal_TrustedOnlyWhenConfigured(string trustEasyAuth, string roleClaim, HttpStatusCode expected)
    {
        // Arrange
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["Auth:TrustEasyAuth"] = trustEasyAuth;
        await using var sut = new FunctionAppFactory(appRoot, settings);
        using var client = sut.CreateClient();
        var principal = JsonSerializer.Serialize(new
        {
            auth_typ = "aad", name_typ = "name", role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims = new[] { new { typ = "name", val = "Ann Operator" }, new { typ = "roles", val = roleClaim } },
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/keys");
        request.Headers.Add(EasyAuthPrincipal.Header, Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));

        // Act
        using var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(expected, response.StatusCode);
    }
}
