using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Features.Audit;
using NhiemVu.Web.Features.Units;

namespace NhiemVu.Web.Features;

/// <summary>Each feature slice registers its handlers and maps its API group here.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<AuthService>();
        services.AddScoped<UserHandlers>();
        services.AddScoped<UnitHandlers>();
        services.AddScoped<AuditQueries>();
        return services;
    }

    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        AuthEndpoints.Map(app.MapGroup("/api/auth"));
        UserEndpoints.Map(api.MapGroup("/users"));
        UnitEndpoints.Map(api.MapGroup("/units"));
        AuditEndpoints.Map(api.MapGroup("/audit"));
    }
}
