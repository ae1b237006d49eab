using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using NhiemVu.Data;
using NhiemVu.Web.Features;
using NhiemVu.Web.Infrastructure.Security;
using Scalar.AspNetCore;

namespace NhiemVu.Web.Infrastructure;

/// <summary>Everything the one host registers and the order of its pipeline.</summary>
public static class HostSetup
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static void AddNhiemVu(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        // Singletons (the pooled DbContext's interceptors): the actor is read from the current HttpContext.
        services.AddSingleton<ICurrentActor, HttpCurrentActor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddOptions<Caching.CachingOptions>().BindConfiguration("Caching");
        services.AddSingleton<Caching.NameCache>();
        services.AddSingleton<Caching.NameVersionInterceptor>();
        services.AddDatabase(config, builder.Environment);

        // Keys in the database: every instance on one PostgreSQL reads the same ring, so a
        // sign-in made on one instance is accepted by the others.
        services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("NhiemVu");
        services.AddNhiemVuIdentity(config);

        // Vietnamese text goes out as UTF-8 characters, not as &#x..; entities (pages a third the size).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AuthorizeFolder("/Admin", IdentitySetup.AdminPolicy);
                o.Conventions.AuthorizeFolder("/Reports", IdentitySetup.ReportsPolicy);
                o.Conventions.AllowAnonymousToFolder("/Portal");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<KestrelServerOptions>(o =>
            o.Limits.MaxRequestBodySize = config.GetValue("Limits:MaxRequestBodyMegabytes", 30) * 1024L * 1024L);

        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo
            {
                Title = "NhiemVu API",
                Version = "v1",
                Description = "Hệ thống theo dõi nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao. "
                              + "Lấy mã truy cập bằng POST /api/auth/token rồi gửi tiêu đề Authorization: Bearer <mã>.",
            };
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "Mã truy cập từ POST /api/auth/token",
            };
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddFeatures();
    }

    public static void UseNhiemVu(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePages(WriteStatusPage);
        var maxBody = app.Configuration.GetValue("Limits:MaxRequestBodyMegabytes", 30) * 1024L * 1024L;
        app.Use(async (ctx, next) =>
        {
            // Refuse a declared oversized body before anything reads it (Kestrel also enforces the
            // limit while reading a body of unknown length).
            if (ctx.Request.ContentLength > maxBody)
            {
                ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            await next(ctx);
        });
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<SessionGuard>();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        // The benchmark's floor (bench/): the whole pipeline of this host, no database. Off unless asked for.
        if (app.Configuration.GetValue("Bench:Hello", false))
            app.MapGet("/bench/hello", () => Results.Text("hello")).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("NhiemVu API")).AllowAnonymous();
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext ctx, TimeProvider clock) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == name) ?? Cultures[0];
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapRazorPages();
        app.MapFeatureEndpoints();
    }

    /// <summary>Empty 4xx/5xx answers get a body: problem details for the API, a page otherwise.</summary>
    private static async Task WriteStatusPage(StatusCodeContext sc)
    {
        var ctx = sc.HttpContext;
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            var t = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var (title, detail) = ctx.Response.StatusCode switch
            {
                401 => ("Chưa xác thực.", "Cần đăng nhập hoặc gửi mã truy cập hợp lệ (mã có thể đã hết hạn)."),
                403 => ("Không có quyền.", "Bạn không có quyền thực hiện thao tác này."),
                404 => ("Không tìm thấy.", "Không tìm thấy địa chỉ hoặc dữ liệu yêu cầu."),
                405 => ("Phương thức không được hỗ trợ.", "Địa chỉ này không nhận phương thức HTTP đã gửi."),
                413 => ("Yêu cầu quá lớn.", "Dữ liệu gửi lên vượt quá giới hạn cho phép."),
                415 => ("Kiểu dữ liệu không được hỗ trợ.", "Hãy gửi dữ liệu JSON (Content-Type: application/json)."),
                _ => ("Yêu cầu không hợp lệ.", "Yêu cầu không đọc được (sai định dạng JSON hoặc thiếu trường bắt buộc)."),
            };
            var pd = new ProblemDetails { Status = ctx.Response.StatusCode, Title = t[title], Detail = t[detail] };
            await ctx.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = pd });
            return;
        }
        var code = ctx.Response.StatusCode;
        var originalPath = ctx.Request.Path;
        ctx.Request.Path = "/error";
        ctx.Request.QueryString = new QueryString("?code=" + code);
        ctx.SetEndpoint(null);
        ctx.Request.RouteValues.Clear();
        try { await sc.Next(ctx); }
        finally { ctx.Request.Path = originalPath; }
    }
}
