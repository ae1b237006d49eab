using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NhiemVu.Web.Tests.Infrastructure;

/// <summary>A cookie-keeping client that signs in through the login form, as a browser would.</summary>
public sealed partial class CookieBrowser
{
    public HttpClient Client { get; }

    public CookieBrowser(WebApplicationFactory<Program> factory) =>
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password = AppFixture.DemoPassword)
    {
        var token = await AntiforgeryAsync("/login");
        return await Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryAsync(formPage ?? url);
        return await Client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public async Task<string> AntiforgeryAsync(string page)
    {
        var html = await Client.GetStringAsync(page);
        return TokenRegex().Match(html).Groups[1].Value;
    }

    /// <summary>GETs a page and returns its status, or where it redirects to.</summary>
    public async Task<string> VisitAsync(string url)
    {
        var res = await Client.GetAsync(url);
        return res.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            ? "redirect:" + res.Headers.Location!.OriginalString
            : ((int)res.StatusCode).ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
